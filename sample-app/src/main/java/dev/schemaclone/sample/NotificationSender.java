package dev.schemaclone.sample;

import java.math.BigDecimal;

/**
 * Tells members about their loans.
 */
public interface NotificationSender {

	void loanConfirmed(Member member, Book book, Loan loan);

	void lateFeeCharged(Member member, Loan loan, BigDecimal fee);

}
