/*
 * ITextPlugin: word frequencies (samples/ComputePlugins). A word is a run of ASCII letters, digits, apostrophes and
 * non-ASCII bytes, ASCII letters lower-cased, cut to the 24 bytes of word_count.word at a character boundary. The
 * result is an array of word_count on the guest heap, most frequent first, ties in byte order: the same answer as
 * guests/rust/plugin_words.rs, reached by sorting instead of a map.
 */
#include <stdlib.h>
#include <string.h>

#include "IPluginLog.h"
#include "ITextPlugin.h"

wm_str name(void)
{
    static const char text[] = "word-frequency";
    char *copy = malloc(sizeof text - 1);
    if (copy == NULL) __builtin_trap();
    memcpy(copy, text, sizeof text - 1);
    return (wm_str){ copy, sizeof text - 1 };
}

/* Appends `text` or the decimal digits of `n` at `at`; small enough that the plugin needs no stdio. */
static char *append_text(char *at, const char *text)
{
    size_t len = strlen(text);
    memcpy(at, text, len);
    return at + len;
}

static char *append_number(char *at, size_t n)
{
    char digits[20];
    int count = 0;
    do { digits[count++] = (char)('0' + n % 10); n /= 10; } while (n > 0);
    while (count > 0) *at++ = digits[--count];
    return at;
}

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
}

static int by_bytes(const void *a, const void *b)
{
    return memcmp(((const word_count *)a)->word, ((const word_count *)b)->word, sizeof ((const word_count *)a)->word);
}

static int by_count_then_bytes(const void *a, const void *b)
{
    const word_count *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return by_bytes(a, b);
}

wm_slice top_words(const char *text, size_t text_len, int32_t limit)
{
    /* Every word as a NUL-padded entry with count 1; NUL padding makes memcmp order equal byte order. */
    size_t capacity = text_len / 2 + 1, total = 0;
    word_count *words = calloc(capacity, sizeof *words);
    if (words == NULL) __builtin_trap();
    for (size_t i = 0; i < text_len;) {
        if (!is_word_byte((unsigned char)text[i])) { i++; continue; }
        size_t start = i;
        while (i < text_len && is_word_byte((unsigned char)text[i])) i++;
        size_t len = i - start;
        if (len > sizeof words->word) {
            len = sizeof words->word;
            while (len > 0 && ((unsigned char)text[start + len] & 0xC0) == 0x80) len--;
        }
        word_count *w = &words[total++];
        for (size_t k = 0; k < len; k++) {
            unsigned char c = (unsigned char)text[start + k];
            w->word[k] = (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
        }
        w->count = 1;
    }

    /* Equal words become neighbours; fold each run into its first entry. */
    qsort(words, total, sizeof *words, by_bytes);
    size_t distinct = 0;
    for (size_t i = 0; i < total; i++) {
        if (distinct > 0 && by_bytes(&words[distinct - 1], &words[i]) == 0) words[distinct - 1].count++;
        else words[distinct++] = words[i];
    }
    qsort(words, distinct, sizeof *words, by_count_then_bytes);

    char message[96], *end = message;
    end = append_text(end, "word-frequency (C): ");
    end = append_number(end, total);
    end = append_text(end, " words, ");
    end = append_number(end, distinct);
    end = append_text(end, " distinct");
    host_log(message, (size_t)(end - message));

    size_t count = limit < 0 ? 0 : (size_t)limit < distinct ? (size_t)limit : distinct;
    if (count == 0) {
        free(words);
        return (wm_slice){ NULL, 0 };
    }
    /* The host frees the result with free(); shrinking keeps the first `count` entries. */
    word_count *result = realloc(words, count * sizeof *words);
    return (wm_slice){ result != NULL ? result : words, count };
}
