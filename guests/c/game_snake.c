/*
 * game_snake.c: the rules of snake and its autopilot, the C guest of samples/Game (game_snake.wasm).
 * guests/rust/game_snake.rs is the same game, line for line, so both guests give identical frames for the same seed;
 * change them together. All randomness comes from the host (env.random), so the host's seed decides the game.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Generated from the C# interfaces of samples/Game (IGameLogic, IGameHost) by the .NET build. */
#include "IGameHost.h"
#include "IGameLogic.h"

#define MIN_SIDE 6
#define MAX_SIDE 64
#define MAX_CELLS (MAX_SIDE * MAX_SIDE)
#define START_LENGTH 3

enum { CELL_EMPTY = 0, CELL_BODY = 1, CELL_HEAD = 2, CELL_FOOD = 3 };

static const int32_t DX[5] = {0, 0, 1, 0, -1};
static const int32_t DY[5] = {0, -1, 0, 1, 0};

static int32_t width, height;
static point snake[MAX_CELLS]; /* snake[0] is the head, snake[length - 1] the tail */
static int32_t length;
static direction heading;
static int32_t score, alive, games;
static bool has_food;
static point food;

/* Scratch grids for food placement and the autopilot's flood fill. */
static uint8_t taken[MAX_CELLS];
static int32_t queue[MAX_CELLS];

static void log_text(const char *text) { host_log(text, strlen(text)); }

static void draw(int32_t x, int32_t y, const char *text) { host_draw_text((point){x, y}, text, strlen(text)); }

static direction opposite(direction d) { return (direction)((d + 1) % 4 + 1); }

static int32_t clamp_side(int32_t side) { return side < MIN_SIDE ? MIN_SIDE : side > MAX_SIDE ? MAX_SIDE : side; }

static bool on_board(int32_t x, int32_t y) { return x >= 0 && y >= 0 && x < width && y < height; }

/* Marks the first `segments` segments of the snake in `taken`. */
static void mark_snake(int32_t segments) {
    memset(taken, 0, sizeof taken);
    for (int32_t i = 0; i < segments; i++) taken[snake[i].y * width + snake[i].x] = 1;
}

/* Puts the food on the n-th free cell (row-major), n drawn from the host; no food once the board is full. */
static void place_food(void) {
    mark_snake(length);
    uint32_t free_cells = 0;
    for (int32_t i = 0; i < width * height; i++) free_cells += taken[i] == 0;
    has_food = free_cells > 0;
    if (!has_food) return;
    uint32_t pick = host_random(free_cells);
    for (int32_t i = 0; i < width * height; i++) {
        if (taken[i]) continue;
        if (pick-- == 0) {
            food = (point){i % width, i / width};
            return;
        }
    }
}

/* How many cells are reachable from (x, y) through cells not in `taken`; *found says whether `target` (a cell index)
   was among them. */
static int32_t reachable(int32_t x, int32_t y, int32_t target, bool *found) {
    int32_t head = 0, tail = 0;
    taken[y * width + x] = 1;
    queue[tail++] = y * width + x;
    *found = false;
    while (head < tail) {
        int32_t cell = queue[head++];
        *found = *found || cell == target;
        for (direction d = DIRECTION_UP; d <= DIRECTION_LEFT; d++) {
            int32_t nx = cell % width + DX[d], ny = cell / width + DY[d];
            if (!on_board(nx, ny) || taken[ny * width + nx]) continue;
            taken[ny * width + nx] = 1;
            queue[tail++] = ny * width + nx;
        }
    }
    return tail;
}

/*
 * The autopilot: of the moves that do not crash, prefer a safe one and, among those, the one closest to the food;
 * without a safe move, take the one with the most room. A move is safe when, after it, the head can still reach the
 * tail (which keeps moving away) or has room for the whole snake. Ties keep the earlier candidate, and the current
 * heading is tried first, so the snake does not wiggle.
 */
static direction autopilot_move(void) {
    direction best = DIRECTION_NONE;
    bool best_safe = false;
    int32_t best_key = 0;
    direction candidates[3];
    int32_t count = 0;
    candidates[count++] = heading;
    for (direction d = DIRECTION_UP; d <= DIRECTION_LEFT; d++)
        if (d != heading && d != opposite(heading)) candidates[count++] = d;
    for (int32_t i = 0; i < count; i++) {
        direction d = candidates[i];
        int32_t nx = snake[0].x + DX[d], ny = snake[0].y + DY[d];
        /* The tail moves away this tick, so it does not block. */
        mark_snake(length - 1);
        if (!on_board(nx, ny) || taken[ny * width + nx]) continue;
        /* After the move the tail is the last segment that stays: all of them when the snake eats. */
        bool eats = has_food && nx == food.x && ny == food.y;
        int32_t tail_index = eats ? length - 1 : length - 2;
        mark_snake(tail_index);
        bool reaches_tail;
        int32_t room = reachable(nx, ny, snake[tail_index].y * width + snake[tail_index].x, &reaches_tail);
        bool safe = reaches_tail || room > length;
        int32_t distance = has_food ? abs(food.x - nx) + abs(food.y - ny) : 0;
        int32_t key = safe ? -distance : room;
        if (best == DIRECTION_NONE || (safe && !best_safe) || (safe == best_safe && key > best_key)) {
            best = d;
            best_safe = safe;
            best_key = key;
        }
    }
    return best;
}

/* Writes the board (row-major) and the HUD line (row `height`, under the board); returns the state after the tick. */
static step_info finish_tick(cell *board, size_t board_count) {
    size_t cells = (size_t)(width * height);
    if (board_count > cells) board_count = cells;
    for (size_t i = 0; i < board_count; i++) board[i] = (cell){CELL_EMPTY, 0};
    if (has_food && (size_t)(food.y * width + food.x) < board_count)
        board[food.y * width + food.x] = (cell){CELL_FOOD, 0};
    for (int32_t i = length - 1; i >= 0; i--) {
        size_t at = (size_t)(snake[i].y * width + snake[i].x);
        if (at < board_count) board[at] = (cell){i == 0 ? CELL_HEAD : CELL_BODY, i};
    }

    char hud[48];
    snprintf(hud, sizeof hud, "SCORE %d  LEN %d", (int)score, (int)length);
    draw(0, height, hud);
    if (!alive) draw(width / 2 - 3, height / 2, "GAME OVER");
    return (step_info){score, length, alive, heading};
}

step_info reset(int32_t board_width, int32_t board_height, cell *board, size_t board_count) {
    width = clamp_side(board_width);
    height = clamp_side(board_height);
    heading = (direction)(1 + host_random(4));
    /* Two cells of margin on every side, so the body trailing behind the head stays on the board. */
    int32_t x = 2 + (int32_t)host_random((uint32_t)(width - 4));
    int32_t y = 2 + (int32_t)host_random((uint32_t)(height - 4));
    length = START_LENGTH;
    for (int32_t i = 0; i < length; i++) snake[i] = (point){x - i * DX[heading], y - i * DY[heading]};
    score = 0;
    alive = 1;
    games++;
    place_food();

    char line[80];
    snprintf(line, sizeof line, "game %d starts on a %dx%d board at (%d, %d)", (int)games, (int)width, (int)height,
             (int)x, (int)y);
    log_text(line);
    return finish_tick(board, board_count);
}

step_info step(bool autopilot, cell *board, size_t board_count) {
    if (alive) {
        direction wanted = autopilot ? autopilot_move() : host_read_input();
        if (wanted >= DIRECTION_UP && wanted <= DIRECTION_LEFT && wanted != opposite(heading)) heading = wanted;
        int32_t nx = snake[0].x + DX[heading], ny = snake[0].y + DY[heading];
        bool eats = has_food && nx == food.x && ny == food.y;
        bool wall = !on_board(nx, ny);
        /* Unless the snake grows, its tail leaves its cell this tick, so the head may move into it. */
        mark_snake(eats ? length : length - 1);
        if (wall || taken[ny * width + nx]) {
            alive = 0;
            char line[96];
            snprintf(line, sizeof line, "game %d over: hit %s at (%d, %d) with score %d", (int)games,
                     wall ? "the wall" : "itself", (int)nx, (int)ny, (int)score);
            log_text(line);
        } else {
            if (eats && length < MAX_CELLS) length++;
            memmove(&snake[1], &snake[0], (size_t)(length - 1) * sizeof snake[0]);
            snake[0] = (point){nx, ny};
            if (eats) {
                score++;
                place_food();
            }
        }
    }
    return finish_tick(board, board_count);
}

/* Returns a malloc'd description; the host copies it and frees it with this guest's free. */
wm_str describe(void) {
    static const char text[] = "snake (C, clang wasm32-wasi)";
    char *out = malloc(sizeof text - 1);
    if (!out) __builtin_trap();
    memcpy(out, text, sizeof text - 1);
    return (wm_str){out, sizeof text - 1};
}
