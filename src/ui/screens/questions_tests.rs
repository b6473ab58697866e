//! The question log line fits its box.

use super::asked_line;

#[test]
fn a_question_asked_keeps_its_times_in_a_narrow_box() {
    let line = |w| asked_line("Patrick Verhaeghe", "22:47:45", "22:47:48", "0:03", w);
    assert_eq!(line(60), "Patrick Verhaeghe  22:47:45 → 22:47:48  (0:03)");
    // 38 columns (half of an 80-column screen): minutes only, name whole.
    assert_eq!(line(38), "Patrick Verhaeghe  22:47  0:03");
    // Narrower: the name is cut, never the times.
    let narrow = line(20);
    assert!(narrow.ends_with("  22:47  0:03"), "{narrow}");
    assert!(narrow.starts_with("Patric"), "{narrow}");
    assert!(narrow.chars().count() <= 20, "{narrow}");
}
