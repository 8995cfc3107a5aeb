//! The rules of snake and its autopilot, the Rust guest of samples/Game (rust_game_snake.wasm; Debian rustc 1.63,
//! wasm32-unknown-unknown, no crates). guests/c/game_snake.c is the same game, step for step, so both guests give
//! identical frames for the same seed; change them together. All randomness comes from the host (env.random).

#[path = "../bindings/i_game_host.rs"]
mod host;
#[path = "../bindings/i_game_logic.rs"]
mod logic;
#[path = "shared/c_heap.rs"]
mod heap;

use host::{Direction, Point, DIRECTION_LEFT, DIRECTION_NONE, DIRECTION_UP};
use logic::{Cell, StepInfo, WmStr};

// The compiler checks each export against the type the C# interface generated.
const _: logic::DescribeFn = describe;
const _: logic::ResetFn = reset;
const _: logic::StepFn = step;

const MIN_SIDE: i32 = 6;
const MAX_SIDE: i32 = 64;
const MAX_CELLS: usize = (MAX_SIDE * MAX_SIDE) as usize;
const START_LENGTH: i32 = 3;

const CELL_EMPTY: i32 = 0;
const CELL_BODY: i32 = 1;
const CELL_HEAD: i32 = 2;
const CELL_FOOD: i32 = 3;

const DX: [i32; 5] = [0, 0, 1, 0, -1];
const DY: [i32; 5] = [0, -1, 0, 1, 0];

struct Game {
    width: i32,
    height: i32,
    /// snake[0] is the head, snake[length - 1] the tail.
    snake: [Point; MAX_CELLS],
    length: i32,
    heading: Direction,
    score: i32,
    alive: i32,
    games: i32,
    has_food: bool,
    food: Point,
    /// Scratch grids for food placement and the autopilot's flood fill.
    taken: [u8; MAX_CELLS],
    queue: [i32; MAX_CELLS],
}

static mut GAME: Game = Game {
    width: MIN_SIDE,
    height: MIN_SIDE,
    snake: [Point { x: 0, y: 0 }; MAX_CELLS],
    length: 0,
    heading: DIRECTION_NONE,
    score: 0,
    alive: 0,
    games: 0,
    has_food: false,
    food: Point { x: 0, y: 0 },
    taken: [0; MAX_CELLS],
    queue: [0; MAX_CELLS],
};

fn log_text(text: &str) {
    unsafe { host::host_log(text.as_ptr(), text.len()) }
}

fn draw(x: i32, y: i32, text: &str) {
    unsafe { host::host_draw_text(&Point { x, y }, text.as_ptr(), text.len()) }
}

fn random(bound: u32) -> u32 {
    unsafe { host::host_random(bound) }
}

fn opposite(d: Direction) -> Direction {
    (d + 1) % 4 + 1
}

fn clamp_side(side: i32) -> i32 {
    side.clamp(MIN_SIDE, MAX_SIDE)
}

impl Game {
    fn on_board(&self, x: i32, y: i32) -> bool {
        x >= 0 && y >= 0 && x < self.width && y < self.height
    }

    fn index(&self, x: i32, y: i32) -> usize {
        (y * self.width + x) as usize
    }

    /// Marks the first `segments` segments of the snake in `taken`.
    fn mark_snake(&mut self, segments: i32) {
        self.taken = [0; MAX_CELLS];
        for i in 0..segments as usize {
            let at = self.index(self.snake[i].x, self.snake[i].y);
            self.taken[at] = 1;
        }
    }

    /// Puts the food on the n-th free cell (row-major), n drawn from the host; no food once the board is full.
    fn place_food(&mut self) {
        self.mark_snake(self.length);
        let cells = (self.width * self.height) as usize;
        let free_cells = self.taken[..cells].iter().filter(|&&t| t == 0).count() as u32;
        self.has_food = free_cells > 0;
        if !self.has_food {
            return;
        }
        let mut pick = random(free_cells);
        for i in 0..cells {
            if self.taken[i] != 0 {
                continue;
            }
            if pick == 0 {
                self.food = Point { x: i as i32 % self.width, y: i as i32 / self.width };
                return;
            }
            pick -= 1;
        }
    }

    /// How many cells are reachable from (x, y) through cells not in `taken`, and whether `target` (a cell index)
    /// was among them.
    fn reachable(&mut self, x: i32, y: i32, target: usize) -> (i32, bool) {
        let (mut head, mut tail) = (0usize, 0usize);
        let mut found = false;
        let start = self.index(x, y);
        self.taken[start] = 1;
        self.queue[tail] = start as i32;
        tail += 1;
        while head < tail {
            let cell = self.queue[head];
            head += 1;
            found = found || cell as usize == target;
            for d in DIRECTION_UP..=DIRECTION_LEFT {
                let (nx, ny) = (cell % self.width + DX[d as usize], cell / self.width + DY[d as usize]);
                if !self.on_board(nx, ny) || self.taken[self.index(nx, ny)] != 0 {
                    continue;
                }
                let at = self.index(nx, ny);
                self.taken[at] = 1;
                self.queue[tail] = at as i32;
                tail += 1;
            }
        }
        (tail as i32, found)
    }

    /// The autopilot: of the moves that do not crash, prefer a safe one and, among those, the one closest to the
    /// food; without a safe move, take the one with the most room. A move is safe when, after it, the head can still
    /// reach the tail (which keeps moving away) or has room for the whole snake. Ties keep the earlier candidate, and
    /// the current heading is tried first, so the snake does not wiggle.
    fn autopilot_move(&mut self) -> Direction {
        let (mut best, mut best_safe, mut best_key) = (DIRECTION_NONE, false, 0);
        let mut candidates = [self.heading; 3];
        let mut count = 1;
        for d in DIRECTION_UP..=DIRECTION_LEFT {
            if d != self.heading && d != opposite(self.heading) {
                candidates[count] = d;
                count += 1;
            }
        }
        for &d in &candidates[..count] {
            let (nx, ny) = (self.snake[0].x + DX[d as usize], self.snake[0].y + DY[d as usize]);
            // The tail moves away this tick, so it does not block.
            self.mark_snake(self.length - 1);
            if !self.on_board(nx, ny) || self.taken[self.index(nx, ny)] != 0 {
                continue;
            }
            // After the move the tail is the last segment that stays: all of them when the snake eats.
            let eats = self.has_food && nx == self.food.x && ny == self.food.y;
            let tail_index = if eats { self.length - 1 } else { self.length - 2 };
            self.mark_snake(tail_index);
            let tail = self.snake[tail_index as usize];
            let (room, reaches_tail) = self.reachable(nx, ny, self.index(tail.x, tail.y));
            let safe = reaches_tail || room > self.length;
            let distance = if self.has_food { (self.food.x - nx).abs() + (self.food.y - ny).abs() } else { 0 };
            let key = if safe { -distance } else { room };
            if best == DIRECTION_NONE || (safe && !best_safe) || (safe == best_safe && key > best_key) {
                best = d;
                best_safe = safe;
                best_key = key;
            }
        }
        best
    }

    /// Writes the board (row-major) and the HUD line (row `height`, under the board); returns the state after the tick.
    fn finish_tick(&self, board: &mut [Cell]) -> StepInfo {
        let cells = (self.width * self.height) as usize;
        let board_count = board.len().min(cells);
        let board = &mut board[..board_count];
        for cell in board.iter_mut() {
            *cell = Cell { kind: CELL_EMPTY, age: 0 };
        }
        let food_at = self.index(self.food.x, self.food.y);
        if self.has_food && food_at < board_count {
            board[food_at] = Cell { kind: CELL_FOOD, age: 0 };
        }
        for i in (0..self.length).rev() {
            let segment = self.snake[i as usize];
            let at = self.index(segment.x, segment.y);
            if at < board_count {
                board[at] = Cell { kind: if i == 0 { CELL_HEAD } else { CELL_BODY }, age: i };
            }
        }

        draw(0, self.height, &format!("SCORE {}  LEN {}", self.score, self.length));
        if self.alive == 0 {
            draw(self.width / 2 - 3, self.height / 2, "GAME OVER");
        }
        StepInfo { score: self.score, length: self.length, alive: self.alive, heading: self.heading }
    }

    fn reset(&mut self, width: i32, height: i32) {
        self.width = clamp_side(width);
        self.height = clamp_side(height);
        self.heading = 1 + random(4) as Direction;
        // Two cells of margin on every side, so the body trailing behind the head stays on the board.
        let x = 2 + random((self.width - 4) as u32) as i32;
        let y = 2 + random((self.height - 4) as u32) as i32;
        self.length = START_LENGTH;
        let h = self.heading as usize;
        for i in 0..self.length {
            self.snake[i as usize] = Point { x: x - i * DX[h], y: y - i * DY[h] };
        }
        self.score = 0;
        self.alive = 1;
        self.games += 1;
        self.place_food();
        log_text(&format!("game {} starts on a {}x{} board at ({}, {})", self.games, self.width, self.height, x, y));
    }

    fn step(&mut self, autopilot: bool) {
        if self.alive == 0 {
            return;
        }
        let wanted = if autopilot { self.autopilot_move() } else { unsafe { host::host_read_input() } };
        if (DIRECTION_UP..=DIRECTION_LEFT).contains(&wanted) && wanted != opposite(self.heading) {
            self.heading = wanted;
        }
        let h = self.heading as usize;
        let (nx, ny) = (self.snake[0].x + DX[h], self.snake[0].y + DY[h]);
        let eats = self.has_food && nx == self.food.x && ny == self.food.y;
        let wall = !self.on_board(nx, ny);
        // Unless the snake grows, its tail leaves its cell this tick, so the head may move into it.
        self.mark_snake(if eats { self.length } else { self.length - 1 });
        if wall || self.taken[self.index(nx, ny)] != 0 {
            self.alive = 0;
            let what = if wall { "the wall" } else { "itself" };
            log_text(&format!("game {} over: hit {} at ({}, {}) with score {}", self.games, what, nx, ny, self.score));
            return;
        }
        if eats && (self.length as usize) < MAX_CELLS {
            self.length += 1;
        }
        self.snake.copy_within(0..(self.length - 1) as usize, 1);
        self.snake[0] = Point { x: nx, y: ny };
        if eats {
            self.score += 1;
            self.place_food();
        }
    }
}

unsafe fn board_slice<'a>(board: *mut Cell, board_count: usize) -> &'a mut [Cell] {
    if board.is_null() {
        &mut []
    } else {
        core::slice::from_raw_parts_mut(board, board_count)
    }
}

#[no_mangle]
pub unsafe extern "C" fn reset(ret: *mut StepInfo, width: i32, height: i32, board: *mut Cell, board_count: usize) {
    let game = &mut GAME;
    game.reset(width, height);
    *ret = game.finish_tick(board_slice(board, board_count));
}

#[no_mangle]
pub unsafe extern "C" fn step(ret: *mut StepInfo, autopilot: bool, board: *mut Cell, board_count: usize) {
    let game = &mut GAME;
    game.step(autopilot);
    *ret = game.finish_tick(board_slice(board, board_count));
}

/// Returns a malloc'd description; the host copies it and frees it with this guest's free.
#[no_mangle]
pub unsafe extern "C" fn describe(ret: *mut WmStr) {
    let text = b"snake (Rust, rustc wasm32-unknown-unknown)";
    *ret = WmStr { ptr: heap::to_host(text), len: text.len() };
}
