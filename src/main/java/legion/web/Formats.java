package legion.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formatting helpers for templates ({@code ${@fmt.time(x)}}); officers work in UTC. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    public String precise(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }
}
