/**
 * Screening internals: name normalisation and scoring, blocking indexes, list parsers, the linkage model.
 * Not for use outside {@code legion.screening}.
 */
package legion.screening.internal;
