package legion.arms.register;

/** No such issue, or not one this officer may see (a 404 either way: nothing tells the two apart). */
public final class IssueNotFoundException extends legion.shared.Refused {

    public IssueNotFoundException() {
        super("no such issue");
    }

    @Override
    public org.springframework.http.HttpStatus status() {
        return org.springframework.http.HttpStatus.NOT_FOUND;
    }

    @Override
    public String title() {
        return "No such issue";
    }
}
