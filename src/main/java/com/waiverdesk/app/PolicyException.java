package com.waiverdesk.app;

/**
 * A deposit-policy file that cannot be used; the message names the file and the field so hospital IT can fix it
 * without reading code, e.g. {@code policy.json: categories[2].depositPercent: must be an integer 0..100}.
 */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String field;

    /**
     * @param file  where the policy came from (a path, or the bundled resource's name)
     * @param field the JSON path of the offending field, or {@code null} when the file as a whole is at fault
     */
    public PolicyException(String file, String field, String problem, Throwable cause) {
        super(file + ": " + (field == null ? "" : field + ": ") + problem, cause);
        this.file = file;
        this.field = field;
    }

    public PolicyException(String file, String field, String problem) {
        this(file, field, problem, null);
    }

    public String file() {
        return file;
    }

    /** The JSON path of the offending field, or {@code null}. */
    public String field() {
        return field;
    }
}
