package legion.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import legion.authorization.IssuedAuthorization;
import legion.authorization.SealRequest;
import legion.authorization.SealVerifier;
import legion.authorization.TravelAuthorizations;
import legion.authorization.Verification;
import legion.authorization.internal.RawEcdsa;
import legion.authorization.internal.SigningKeys;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Travel authorization rates on one thread (per core), P-256: issuing (sign + DataMatrix PNG + PDF letter) and
 * verifying (decode + signature + checks), beside raw ECDSA P-256 verification of the same provider (BouncyCastle,
 * lightweight API as the seal code uses it, and through JCA) and of the JDK's SunEC, in the same run.
 * How to run: docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class VdsBenchmark {

    private Path directory;
    private TravelAuthorizations authorizations;
    private SealRequest request;
    private SealVerifier verifier;
    private byte[] seal;

    private byte[] signedData;
    private byte[] rawSignature;
    private RawEcdsa.VerificationKey bcKey;
    private KeyPair jcaKeys;
    private byte[] derSignatureBc;
    private byte[] derSignatureSun;
    private BouncyCastleProvider bc;
    private java.security.PublicKey bcPublicKey;
    private Signature bcVerifier;
    private Signature sunVerifier;
    private legion.authorization.SealSigner signer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("vds-bench");
        Clock clock = Clock.systemUTC();
        SigningKeys keys = SigningKeys.open(new SigningKeys.Settings(directory.resolve("signing.p12"), "bench",
                "secp256r1", "UALG", Duration.ofDays(3650), Duration.ofDays(730)), clock);
        authorizations = new TravelAuthorizations(keys, directory.resolve("revocations.txt"), "UKR", clock);
        LocalDate today = LocalDate.now(clock);
        request = SealRequest.singleEntry("Шевченко", "Тарас Григорович", LocalDate.of(1990, 3, 9), 'M', "UA",
                "FX1234567", today, today.plusDays(90), 30);
        IssuedAuthorization issued = authorizations.issue(request);
        seal = issued.seal();
        verifier = new SealVerifier(authorizations.publishedCertificates(), authorizations.currentRevocationList(),
                clock);
        if (!verifier.verify(seal).isValid()) {
            throw new IllegalStateException("benchmark seal does not verify");
        }

        // raw baselines over the same bytes the seal signs
        signedData = java.util.Arrays.copyOf(seal, seal.length - 66);
        rawSignature = java.util.Arrays.copyOfRange(seal, seal.length - 64, seal.length);
        signer = keys.current();
        bcKey = new RawEcdsa.VerificationKey(keys.current().certificate().getPublicKey());
        bc = new BouncyCastleProvider();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        jcaKeys = generator.generateKeyPair();
        Signature sun = Signature.getInstance("SHA256withECDSA", "SunEC");
        sun.initSign(jcaKeys.getPrivate());
        sun.update(signedData);
        derSignatureSun = sun.sign();
        Signature bcSigner = Signature.getInstance("SHA256withECDSA", bc);
        bcSigner.initSign(jcaKeys.getPrivate());
        bcSigner.update(signedData);
        derSignatureBc = bcSigner.sign();
        // same key as a BouncyCastle key object, so initVerify converts nothing inside the measured call
        bcPublicKey = java.security.KeyFactory.getInstance("EC", bc)
                .generatePublic(new java.security.spec.X509EncodedKeySpec(jcaKeys.getPublic().getEncoded()));
        bcVerifier = Signature.getInstance("SHA256withECDSA", bc);
        sunVerifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        if (!rawVerifyBouncyCastle() || !rawVerifyBouncyCastleJca() || !rawVerifySunEc()) {
            throw new IllegalStateException("baseline signature does not verify");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Issue: MRZ + sign + DataMatrix PNG + PDF letter. Much code to compile (PDFBox, ZXing, ICU): longer warmup. */
    @Benchmark
    @Warmup(iterations = 6, time = 3)
    public IssuedAuthorization issue() {
        return authorizations.issue(request);
    }

    /** Verify: decode header, message zone and visa profile, look up the signer, check signature, revocation, dates. */
    @Benchmark
    public Verification verifySeal() {
        return verifier.verify(seal);
    }

    /** Part of verifying: decoding header, message zone and visa profile, without the signature check. */
    @Benchmark
    public Object decodeOnly() throws Exception {
        return SealVerifier.decode(seal);
    }

    /** Baseline: raw P-256 ECDSA verify, BouncyCastle lightweight API (the primitive the seal verifier uses). */
    @Benchmark
    public boolean rawVerifyBouncyCastle() {
        return bcKey.verify(signedData, rawSignature);
    }

    /** Baseline: raw P-256 ECDSA verify, BouncyCastle through JCA (DER signature). */
    @Benchmark
    public boolean rawVerifyBouncyCastleJca() throws Exception {
        bcVerifier.initVerify(bcPublicKey);
        bcVerifier.update(signedData);
        return bcVerifier.verify(derSignatureBc);
    }

    /** Baseline: raw P-256 ECDSA verify, JDK SunEC. */
    @Benchmark
    public boolean rawVerifySunEc() throws Exception {
        sunVerifier.initVerify(jcaKeys.getPublic());
        sunVerifier.update(signedData);
        return sunVerifier.verify(derSignatureSun);
    }

    /** Part of issuing: the ECDSA signature alone (deterministic, BouncyCastle). */
    @Benchmark
    public byte[] signOnly() {
        return signer.sign(signedData);
    }

    // The same work side by side: one thread each, all running at the same time, so the ratios between them hold
    // even when other processes load the machine unevenly over the run (results are per thread).

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(1)
    public IssuedAuthorization sideBySideIssue() {
        return authorizations.issue(request);
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(1)
    public Verification sideBySideVerifySeal() {
        return verifier.verify(seal);
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(1)
    public boolean sideBySideRawVerifyBouncyCastle() {
        return bcKey.verify(signedData, rawSignature);
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(1)
    public boolean sideBySideRawVerifySunEc() throws Exception {
        return rawVerifySunEc();
    }
}
