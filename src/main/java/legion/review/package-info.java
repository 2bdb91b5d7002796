/**
 * The officer console: embassy queues, case pages and the actions officers take on cases.
 */
package legion.review;
