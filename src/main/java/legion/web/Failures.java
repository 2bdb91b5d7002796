package legion.web;

import java.util.ArrayList;
import java.util.List;

/**
 * How an unexpected failure is logged: its type, the first place in Legion's own code it passed through and the types
 * of its causes, never a message (a database error quotes stored values, personal data among them).
 */
final class Failures {

    private static final int MAX_CAUSES = 5;

    private Failures() {
    }

    /** {@code Type at legion.Class.method(File.java:n) (caused by Type < Type)}, without any message. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getName()).append(" at ").append(where(failure));
        List<String> causes = new ArrayList<>();
        for (Throwable c = failure.getCause(); c != null && c != failure && causes.size() < MAX_CAUSES;
             c = c.getCause()) {
            causes.add(c.getClass().getName());
        }
        if (!causes.isEmpty()) {
            text.append(" (caused by ").append(String.join(" < ", causes)).append(')');
        }
        return text.toString();
    }

    /** The first frame in Legion's code of the failure or its causes, else the failure's own first frame. */
    private static String where(Throwable failure) {
        int causes = 0;
        for (Throwable t = failure; t != null && causes++ <= MAX_CAUSES; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("legion.")) {
                    return frame.toString();
                }
            }
        }
        StackTraceElement[] own = failure.getStackTrace();
        return own.length > 0 ? own[0].toString() : "?";
    }
}
