/** Program 3's console pages (Thymeleaf, the console layout). */
package legion.parole.web;
