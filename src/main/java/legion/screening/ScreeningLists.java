package legion.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watchlists this node screens against ({@code legion.screening.lists=un=FILE.xml,ofac=DIR}), loaded at start and
 * reloaded every {@code legion.screening.reload-interval-ms} on a thread of their own (a slow or blocked file never
 * stalls other background work). Fails closed: a list that cannot be read is recorded as failed with the reason
 * (administrators see it on {@code /console/admin/screening}; the log names the list and the kind of error, never the
 * content), and never stands in as an empty list. A failed reload keeps the version loaded before, which stays true.
 *
 * <p>The version each list was last loaded at is shared by all nodes in {@code screening_list}. The node that first
 * loads a new version records it and, in the same transaction, queues every case of the vetted stages for screening
 * against it ({@link ScreeningQueue#enqueueVettedCases}), so recurrent vetting survives a crash.
 */
@Component
public class ScreeningLists implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningLists.class);

    /** What this node knows of one configured list. */
    public record ListStatus(String source, String location, String version, int entries, Instant loadedAt,
                             String error, Instant failedAt) {
        /** Loaded at least once (a later failed reload keeps this version). */
        public boolean loaded() {
            return version != null;
        }

        /** The last attempt to read it failed. */
        public boolean failing() {
            return error != null;
        }
    }

    /**
     * A loaded list, its screener (the compiled name index) and the stamp of the files it was read from; when it
     * replaced a version loaded here before and only added entries to it, {@code added} screens against the added
     * entries alone ({@link #addedSince}).
     */
    private record Loaded(Watchlist list, Screener screener, String stamp, String previousVersion, Screener added) {
    }

    private final Map<String, String> configured;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ScreeningQueue queue;
    private final Clock clock;
    private final long reloadMillis;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong versionsLoaded = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, ListStatus> status = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    ScreeningLists(@Value("${legion.screening.lists:}") String listsConfig,
                   @Value("${legion.screening.reload-interval-ms:3600000}") long reloadMillis,
                   JdbcClient jdbc, TransactionTemplate tx, ScreeningQueue queue, Optional<Clock> clock) {
        this.configured = parse(listsConfig);
        this.reloadMillis = reloadMillis;
        this.jdbc = jdbc;
        this.tx = tx;
        this.queue = queue;
        this.clock = clock.orElse(Clock.systemUTC());
        configured.forEach((source, location) ->
                status.put(source, new ListStatus(source, location, null, 0, null, null, null)));
    }

    /**
     * Reads {@code source=path,source=path}. A malformed setting is a configuration error and stops the start (unlike
     * a list that cannot be read, which holds approvals but lets the node serve intake: ADR 0050).
     */
    static Map<String, String> parse(String config) {
        Map<String, String> result = new LinkedHashMap<>();
        if (config == null || config.isBlank()) {
            return result;
        }
        for (String item : config.split(",")) {
            String[] kv = item.strip().split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()
                    || !(kv[0].strip().equals("un") || kv[0].strip().equals("ofac"))) {
                throw new IllegalStateException("legion.screening.lists entries are un=PATH or ofac=PATH, "
                        + "separated by commas");
            }
            result.put(kv[0].strip(), kv[1].strip());
        }
        return result;
    }

    /** Loads (or reloads) every configured list now; a list that fails is recorded, the others still load. */
    public synchronized void reload() {
        configured.forEach(this::load);
    }

    private void load(String source, String location) {
        String stamp = stamp(Path.of(location));
        Loaded previous = loaded.get(source);
        if (stamp != null && previous != null && stamp.equals(previous.stamp()) && !status.get(source).failing()) {
            return; // the files have not changed since they were read: no parsing, no new index
        }
        Watchlist list;
        try {
            list = Watchlists.load(source, Path.of(location));
            if (list.entries().isEmpty()) {
                throw new WatchlistFormatException("the list has no entries");
            }
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            ListStatus before = status.get(source);
            String error = e.getClass().getSimpleName() + ": " + safe(e.getMessage());
            status.put(source, new ListStatus(source, location, before.version(), before.entries(), before.loadedAt(),
                    error, now));
            if (!error.equals(before.error())) { // once per new error, not at every retry
                LOG.error("screening: list '{}' could not be read ({}); {}", source, e.getClass().getSimpleName(),
                        before.loaded() ? "keeping version " + before.version() : "cases stay PENDING, APPROVE is held");
            }
            return;
        }
        // the screener (the compiled name index) is built before the version is recorded for all nodes: workers
        // wait for this node to have the recorded version loaded, so they wait only for the transaction, not the build
        Loaded now;
        if (previous != null && previous.list().version().equals(list.version())) {
            now = new Loaded(list, previous.list().entries().equals(list.entries()) ? previous.screener()
                    : new Screener(List.of(list)), stamp, previous.previousVersion(), previous.added());
        } else {
            now = new Loaded(list, new Screener(List.of(list)), stamp, previous == null ? null
                    : previous.list().version(), previous == null ? null : added(previous.list(), list));
        }
        recordVersion(list);
        loaded.put(source, now);
        if (previous == null || !previous.list().version().equals(list.version())) {
            versionsLoaded.incrementAndGet();
        }
        status.put(source, new ListStatus(source, location, list.version(), list.entries().size(), clock.instant(),
                null, null));
        LOG.info("screening: list '{}' version {} loaded ({} entries)", source, list.version(), list.entries().size());
    }

    /** Records a new version once across nodes and queues the vetted cases for it, in one transaction. */
    private void recordVersion(Watchlist list) {
        tx.executeWithoutResult(s -> {
            Optional<String> known = jdbc.sql("select version from screening_list where source = ? for update")
                    .param(list.source()).query(String.class).optional();
            if (known.isPresent() && known.get().equals(list.version())) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (known.isPresent()) {
                jdbc.sql("update screening_list set version = ?, entries = ?, loaded_at = ? where source = ?")
                        .params(list.version(), list.entries().size(), now, list.source()).update();
            } else {
                jdbc.sql("insert into screening_list (source, version, entries, loaded_at) values (?, ?, ?, ?)")
                        .params(list.source(), list.version(), list.entries().size(), now).update();
            }
            int queued = queue.enqueueVettedCases();
            int others = queue.enqueueOtherPrograms();
            LOG.info("screening: list '{}' changed to version {}; {} cases and {} other programs' people queued for "
                    + "screening", list.source(), list.version(), queued, others);
        });
    }

    /**
     * What identifies the files of a list as read (name, size, modification time and file key of each; a file replaced
     * by a move has a new key), or null when they cannot be listed (then the list is read, and its error reported).
     * The location is a file, a directory, or the common prefix of the files (OFAC).
     */
    static String stamp(Path location) {
        try {
            List<Path> files;
            if (Files.isRegularFile(location)) {
                files = List.of(location);
            } else {
                Path dir = Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
                String prefix = Files.isDirectory(location) ? "" : location.getFileName().toString();
                try (Stream<Path> listed = Files.list(dir)) {
                    files = listed.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
                }
            }
            StringBuilder sb = new StringBuilder();
            for (Path f : files) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                sb.append(f.getFileName()).append(':').append(a.size()).append(':')
                        .append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS)).append(':').append(a.fileKey())
                        .append(';');
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String safe(String message) {
        if (message == null) {
            return "";
        }
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    /** The configured lists, in configuration order. */
    public List<ListStatus> statuses() {
        List<ListStatus> result = new ArrayList<>();
        configured.keySet().forEach(s -> result.add(status.get(s)));
        return result;
    }

    /** Whether every configured list has loaded on this node at the version all nodes know as current. */
    boolean ready(Map<String, String> currentVersions) {
        for (String source : configured.keySet()) {
            Loaded l = loaded.get(source);
            if (l == null || !l.list().version().equals(currentVersions.get(source))) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many list versions this node has loaded since it started: a change means re-screening may be waiting, so an
     * idle worker looks again at once.
     */
    long versionsLoaded() {
        return versionsLoaded.get();
    }

    /** Cases waiting in the screening queue (all nodes). */
    public long waitingCases() {
        return jdbc.sql("select count(distinct enlistment_id) from screening_work").query(Long.class).single();
    }

    /** The configured list sources. */
    public List<String> sources() {
        return List.copyOf(configured.keySet());
    }

    /** The current version of each configured list as recorded for all nodes (absent when never loaded). */
    Map<String, String> currentVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        jdbc.sql("select source, version from screening_list").query((rs, n) -> {
            if (configured.containsKey(rs.getString(1))) {
                versions.put(rs.getString(1), rs.getString(2));
            }
            return null;
        }).list();
        return versions;
    }

    /**
     * A screener over the entries {@code list} added to {@code before}, or null when it also removed or changed one:
     * then a case screened against {@code before} must be screened against the whole new version.
     */
    static Screener added(Watchlist before, Watchlist list) {
        Set<WatchlistEntry> old = new HashSet<>(before.entries());
        List<WatchlistEntry> added = new ArrayList<>();
        int kept = 0;
        for (WatchlistEntry e : list.entries()) {
            if (old.contains(e)) {
                kept++;
            } else {
                added.add(e);
            }
        }
        if (kept < old.size()) {
            return null;
        }
        return new Screener(List.of(new Watchlist(list.source(), list.version(), added)));
    }

    /**
     * For a case already screened against version {@code screenedVersion} of a list: a screener over what the loaded
     * version added to it, when it only added entries (a case's hits can then only be new ones among them: every
     * other entry is unchanged and was screened, and fewer competing names never hide a match, ADR 0051); empty when
     * the whole list must be screened.
     */
    Optional<Screener> addedSince(String source, String screenedVersion) {
        Loaded l = loaded.get(source);
        return l != null && l.added() != null && screenedVersion.equals(l.previousVersion())
                ? Optional.of(l.added()) : Optional.empty();
    }

    /** The screener of one loaded list. */
    Screener screener(String source) {
        return loaded.get(source).screener();
    }

    /**
     * Screens one person of another program (a convict of Program 3) against every configured list, as loaded on this
     * node: the versions screened against and the hits over {@link Screener#THRESHOLD}, best first. Fails closed:
     * empty when a configured list is not loaded at the version all nodes know as current (the caller holds and asks
     * again later).
     */
    public java.util.Optional<PersonScreening> screenPerson(Person person) {
        Map<String, String> current = currentVersions();
        if (!ready(current)) {
            return java.util.Optional.empty();
        }
        List<Hit> hits = new ArrayList<>();
        for (String source : configured.keySet()) {
            hits.addAll(screener(source).screen(person));
        }
        hits.sort((a, b) -> Double.compare(b.score(), a.score()));
        return java.util.Optional.of(new PersonScreening(loadedVersions(), hits));
    }

    /** What {@link #screenPerson} found: the list versions screened against and the hits. */
    public record PersonScreening(Map<String, String> versions, List<Hit> hits) {
        public PersonScreening {
            versions = Map.copyOf(versions);
            hits = List.copyOf(hits);
        }
    }

    /** Versions of the lists loaded on this node. */
    public Map<String, String> loadedVersions() {
        Map<String, String> m = new LinkedHashMap<>();
        configured.keySet().forEach(s -> {
            Loaded l = loaded.get(s);
            if (l != null) {
                m.put(s, l.list().version());
            }
        });
        return Collections.unmodifiableMap(m);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "screening-lists");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                reload();
            } catch (RuntimeException e) {
                LOG.error("screening: reloading lists failed ({})", e.getClass().getSimpleName());
            }
        }, 0, reloadMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
