package dev.schemaclone.sample;

import java.time.LocalDate;

/**
 * A copy of a book lent to a member.
 *
 * @param id its id
 * @param bookId the book
 * @param memberId the member
 * @param borrowedOn when it was lent
 * @param dueOn when it is due back
 * @param returnedOn when it came back, {@code null} while out
 */
public record Loan(Long id, long bookId, long memberId, LocalDate borrowedOn, LocalDate dueOn, LocalDate returnedOn) {

}
