package legion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Legion: the enlistment pipeline of a foreign-volunteer legion.
 *
 * <p>{@code java -jar legion.jar} serves; {@code java -jar legion.jar <subcommand> ...} runs one of the
 * offline tools of {@link Cli} and exits without starting the server.
 */
@SpringBootApplication
@EnableScheduling
public class LegionApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(LegionApplication.class, args);
    }
}
