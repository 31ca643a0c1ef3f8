package dev.schemaclone.sample;

/**
 * A member of the library.
 *
 * @param id its id
 * @param name the member's name
 * @param email the member's e-mail address, may be {@code null}
 * @param tier the membership tier
 */
public record Member(Long id, String name, String email, String tier) {

}
