package dev.schemaclone.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lending rules.
 *
 * @param maxLoans the most open loans a member may hold, whatever their tier allows
 * @param requireEmail whether a member needs an e-mail address to borrow
 */
@ConfigurationProperties("library")
public record LibraryProperties(int maxLoans, boolean requireEmail) {

}
