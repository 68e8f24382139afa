package com.waiverdesk.domain;

/** Why a typed name or resident ID was refused before any network call. */
public enum InputProblem {
    ID_EMPTY,
    ID_WRONG_LENGTH,
    ID_BAD_CHARACTER,
    /** An invisible character (control, zero-width, bidirectional): the clerk sees only the digits. */
    ID_HAS_CONTROL_CHARACTERS,
    ID_IMPOSSIBLE_DATE,
    ID_FUTURE_DATE,
    ID_WRONG_CHECK_DIGIT,
    NAME_EMPTY,
    NAME_HAS_DIGITS,
    NAME_HAS_CONTROL_CHARACTERS,
    /** An emoji, symbol or punctuation that no name holds ({@link PersonName} says what a name may hold). */
    NAME_HAS_SYMBOLS,
    NAME_TOO_LONG,
    /** Paper certificate: no certificate number. */
    PAPER_NUMBER_EMPTY,
    /** Paper certificate: no issuing centre. */
    PAPER_CENTRE_EMPTY,
    /** Paper certificate: no issue date. */
    PAPER_ISSUED_EMPTY,
    /** Paper certificate: no category chosen. */
    PAPER_CATEGORY_EMPTY,
    /** Paper certificate: the issue date lies after today. */
    PAPER_ISSUED_IN_FUTURE,
    /** Paper certificate: the clerk did not confirm seeing the original. */
    PAPER_ORIGINAL_NOT_SEEN,
    /** The scanned or given text is not an e-certificate of this version (it does not start with {@code SHEC1.}). */
    ECERT_NOT_A_CERTIFICATE;

    public boolean concernsId() {
        return name().startsWith("ID_");
    }
}
