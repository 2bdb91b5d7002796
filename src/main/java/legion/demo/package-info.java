/**
 * Demo data on first start: officers of every role and, on request, synthetic applications in every stage.
 */
package legion.demo;
