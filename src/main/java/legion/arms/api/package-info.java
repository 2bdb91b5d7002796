/** The arms register's officers' REST API ({@code /api/v1/arms/…}): stock, issues, returns, traces. */
package legion.arms.api;
