package dev.schemaclone.sample;

import java.math.BigDecimal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Writes notifications to the log; a real library would send mail.
 */
@Component
class LoggingNotificationSender implements NotificationSender {

	private static final Log logger = LogFactory.getLog(LoggingNotificationSender.class);

	@Override
	public void loanConfirmed(Member member, Book book, Loan loan) {
		logger.info("%s borrowed '%s', due %s".formatted(member.name(), book.title(), loan.dueOn()));
	}

	@Override
	public void lateFeeCharged(Member member, Loan loan, BigDecimal fee) {
		logger.info("%s owes %s for loan %d".formatted(member.name(), fee, loan.id()));
	}

}
