/** The engine's SQL (published versions, verdicts) and its re-evaluation driver; no program touches these. */
package legion.rules.internal;
