package dev.schemaclone.sample;

/**
 * A title in the catalogue.
 *
 * @param id its id
 * @param authorId its author's id
 * @param title its title
 * @param genreCode its genre, may be {@code null}
 * @param isbn its ISBN-13
 * @param copies how many copies the library holds
 */
public record Book(Long id, long authorId, String title, String genreCode, String isbn, int copies) {

}
