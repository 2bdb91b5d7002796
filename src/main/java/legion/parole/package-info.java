/**
 * Program 3, service for release: convicts screened by the law (policy versions of named rules), their cases from
 * the application to discharge, the 24-hour hand-over clock, and the {@code parole-screen} subcommand.
 */
package legion.parole;
