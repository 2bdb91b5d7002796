package legion.reporting;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answers of a figure's two downloads, the same for every program's console: its chart as SVG (no script,
 * suppressed cells not drawn) and its numbers as a CSV attachment (suppressed cells as "&lt;5"); never cached. A figure
 * the caller did not find ({@code null}) is a 404.
 */
public final class FigureDownloads {

    private FigureDownloads() {
    }

    public static ResponseEntity<String> svg(Figure f) {
        if (f == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml;charset=UTF-8"))
                .header("Cache-Control", "no-store").body(Figures.svg(f));
    }

    /** {@code program}: the file name's prefix ({@code legion-}, {@code arms-}, {@code parole-} and the figure's id). */
    public static ResponseEntity<byte[]> csv(String program, Figure f) {
        if (f == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + program + "-" + f.id() + ".csv\"")
                .header("Cache-Control", "no-store")
                .body(Figures.csv(f).getBytes(StandardCharsets.UTF_8));
    }
}
