//! How long a grid keystroke takes to be saved and redrawn, on the demo
//! forum: `scripts/measure-keystroke.sh` runs this in release mode.
//!
//! Each measured keystroke is the `Enter` that commits a typed value: the
//! grid builds the change, the operation is committed to the session file
//! (lock, journal line appended and synced, state written to a temporary
//! file, synced, renamed, folder synced), the grid learns it is saved, and
//! the whole screen is drawn again (120×40). The digits typed before it are
//! timed too, as plain keystrokes. Usage: `keystroke [COUNT] [DIR]`.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Utc;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use podium::app::SaveOutcome;
use podium::app::screens::scores::grid::{Grid, GridKey};
use podium::domain::{Lang, Operation, Session};
use podium::storage;
use podium::ui::screens::scores::GridView;

use common::report;

const STATE: &str = include_str!("../assets/demo/forum.json");
const JOURNAL: &str = include_str!("../assets/demo/forum.json.journal");

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let dir = args.next().map(PathBuf::from);
    let temp = tempfile::tempdir_in(dir.as_deref().unwrap_or(Path::new("."))).expect("temp dir");
    let file = temp.path().join("forum.json");
    std::fs::write(&file, STATE).expect("state");
    std::fs::write(temp.path().join("forum.json.journal"), JOURNAL).expect("journal");

    let mut session: Session = storage::open(&file).expect("open the demo copy").session;
    let writer = storage::new_id();
    let mut grid = Grid::default();
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let draw = |term: &mut Terminal<TestBackend>, session: &Session, grid: &Grid| {
        term.draw(|f| {
            f.render_widget(
                GridView {
                    session,
                    grid,
                    lang: Lang::Fr,
                    projector: false,
                    saves: true,
                    color: true,
                },
                f.area(),
            )
        })
        .expect("draw");
    };
    draw(&mut term, &session, &grid);

    let mut saves: Vec<Duration> = Vec::with_capacity(count);
    let mut plain: Vec<Duration> = Vec::new();
    let mut commits: Vec<Duration> = Vec::new();
    let mut n = 0usize;
    while saves.len() < count {
        grid.open(&session);
        if grid.col >= session.criteria.len() {
            // The paper column: skip it; at the end of a team, the next one.
            let before = (grid.team.clone(), grid.row, grid.col);
            grid.handle(&session, GridKey::Enter);
            if (grid.team.clone(), grid.row, grid.col) == before {
                grid.handle(&session, GridKey::NextTeam);
                if grid.team == before.0 {
                    break; // every cell of the demo is filled
                }
            }
            continue;
        }
        // A value on step for every demo criterion (0–20 by 0.5, 0–5 by 1).
        let value = ["4", "3", "2", "5", "1"][n % 5];
        n += 1;
        for c in value.chars() {
            let t = Instant::now();
            grid.handle(&session, GridKey::Char(c));
            draw(&mut term, &session, &grid);
            plain.push(t.elapsed());
        }
        let t = Instant::now();
        let Some(change) = grid.handle(&session, GridKey::Enter) else {
            panic!("nothing to save: {:?}", grid.status);
        };
        let op = Operation::new(change.clone(), writer.clone(), Utc::now());
        let c = Instant::now();
        let committed = storage::commit(&file, &op, storage::TUI_WAIT);
        commits.push(c.elapsed());
        match committed {
            Ok(done) => {
                let saved = SaveOutcome::Saved(std::sync::Arc::new(done.session));
                grid.on_outcome(&change, &saved);
                if let SaveOutcome::Saved(fresh) = saved {
                    session = std::sync::Arc::unwrap_or_clone(fresh);
                }
            }
            Err(err) => panic!("{}", err.message(Lang::En)),
        }
        draw(&mut term, &session, &grid);
        saves.push(t.elapsed());
    }
    report("keystroke saved and redrawn (Enter)", &mut saves);
    report("  of which the commit to disk", &mut commits);
    report("keystroke redrawn (digit)", &mut plain);
    println!("journal lines: {}", session.revision);
}
