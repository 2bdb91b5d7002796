/**
 * Cross-cutting web adapters: one place that maps exceptions to RFC 9457 problem responses and error pages.
 */
package legion.web;
