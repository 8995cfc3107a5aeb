/* quickstart.c: the guest of the README quickstart (quickstart.wasm). Built by guests/build.sh. */
#include <stdlib.h>
#include <string.h>

/* Generated from the C# interfaces of samples/QuickStart (IQuickStart, IHostLog) by the .NET build. */
#include "IHostLog.h"
#include "IQuickStart.h"

int32_t add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }

/* Returns a malloc'd "Hello, <name>! (from C)"; the host copies it and frees it with this guest's free. */
wm_str greet(const char *name, size_t len) {
    static const char called[] = "greet called";
    host_log(called, sizeof called - 1);

    static const char prefix[] = "Hello, ";
    static const char suffix[] = "! (from C)";
    size_t plen = sizeof prefix - 1, slen = sizeof suffix - 1;
    if (!name) len = 0;
    char *out = malloc(plen + len + slen);
    if (!out) __builtin_trap();
    memcpy(out, prefix, plen);
    if (len) memcpy(out + plen, name, len);
    memcpy(out + plen + len, suffix, slen);
    return (wm_str){out, plen + len + slen};
}

/* Counts the words of text, separated by ASCII whitespace. */
uint32_t word_count(const char *text, size_t len) {
    uint32_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
        if (!space && !in_word) words++;
        in_word = !space;
    }
    return words;
}
