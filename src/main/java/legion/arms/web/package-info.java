/**
 * The arms register's console pages: the issuing desk (issue, return, printable receipt with the seal), the registry
 * supervisor's anomalies and journal findings, the investigator's trace.
 */
package legion.arms.web;
