package com.waiverdesk.domain;

/** A name or ID the clerk typed that fails local validation; carries a reason the UI can translate. */
public final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final InputProblem problem;

    public InvalidInputException(InputProblem problem) {
        super(problem.name());
        this.problem = problem;
    }

    public InputProblem problem() {
        return problem;
    }
}
