/**
 * The parole policy: offences in either notation, the convict judged, and policy v1's named rules with their
 * legal sources. Pure functions, no Spring: the same rules serve the server and {@code parole-screen}.
 */
package legion.parole.policy;
