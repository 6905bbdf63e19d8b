//! The report's charts as inline SVG, drawn by plotters' SVG backend (no fonts, no bitmaps).
//!
//! One rule keeps them identical natively and in wasm, and safe in a service worker or a Web Worker:
//! nothing here asks plotters to measure text. On wasm32 plotters measures text through the page's
//! DOM, which a worker does not have; it only measures captions and right-hand axis labels, so the
//! charts have neither (titles are HTML headings; axis labels sit left and bottom). Only numbers and
//! times are drawn in SVG: comment text stays in HTML, escaped.

use super::Report;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const W: u32 = 760;
const H: u32 = 220;
const INK: RGBColor = RGBColor(90, 98, 112);
const GRID: RGBColor = RGBColor(228, 231, 236);
const COMMENTS: RGBColor = RGBColor(37, 99, 235);
const QUESTIONS: RGBColor = RGBColor(234, 138, 0);
const POS: RGBColor = RGBColor(22, 163, 74);
const NEG: RGBColor = RGBColor(220, 38, 38);
const EVENTS: [RGBColor; 4] =
    [RGBColor(219, 39, 119), RGBColor(234, 138, 0), RGBColor(100, 116, 139), RGBColor(22, 163, 74)];

/// A chart: its SVG and what each colour means (the legend is HTML, next to the chart).
pub struct Chart {
    pub svg: String,
    pub legend: Vec<(&'static str, &'static str, String)>,
}

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Minute index → its start as the report writes minutes (wall clock or time since the start).
fn minute_label(r: &Report, i: f64) -> String {
    let first = r.timeline.first().map_or(0, |b| b.start_ms);
    super::html::minute(r, first + (i.round() as i64) * 60_000)
}

/// Index of the minute bucket holding `ms` (clamped to the timeline).
fn minute_index(r: &Report, ms: i64) -> f64 {
    let first = r.timeline.first().map_or(0, |b| b.start_ms);
    ((ms - first).div_euclid(60_000)).clamp(0, r.timeline.len().saturating_sub(1) as i64) as f64
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type Plot<'a> = ChartContext<
    'a,
    SVGBackend<'a>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// Draws the frame shared by every chart (x: minutes, y: `y`), then `body` on it. A drawing error
/// (impossible when writing to a String) leaves an empty chart rather than a broken report.
fn draw(
    r: &Report,
    y: std::ops::Range<f64>,
    y_fmt: &dyn Fn(&f64) -> String,
    body: impl FnOnce(&mut Plot) -> Option<()>,
) -> String {
    let mut svg = String::new();
    {
        let root: Area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        let n = r.timeline.len().max(2) as f64 - 1.0;
        let x_fmt = |x: &f64| minute_label(r, *x);
        let built = (|| {
            root.fill(&WHITE).ok()?;
            let mut chart = ChartBuilder::on(&root)
                .margin(10)
                .x_label_area_size(26)
                .y_label_area_size(44)
                .build_cartesian_2d(0f64..n, y)
                .ok()?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .axis_style(INK)
                .x_labels(8)
                .y_labels(5)
                .x_label_formatter(&x_fmt)
                .y_label_formatter(y_fmt)
                .label_style(("sans-serif", 13).into_font().color(&INK))
                .draw()
                .ok()?;
            body(&mut chart)?;
            root.present().ok()
        })();
        if built.is_none() {
            return String::new();
        }
    }
    svg
}

fn count(v: &f64) -> String {
    format!("{}", v.round() as i64)
}

/// Comments and questions per minute; the peak minutes numbered as in the report's list.
pub fn comments_per_minute(r: &Report) -> Chart {
    let top = r.timeline.iter().map(|b| b.comments).max().unwrap_or(0).max(4) as f64 * 1.15;
    let svg = draw(r, 0.0..top, &count, |c| {
        let comments = r.timeline.iter().enumerate().map(|(i, b)| (i as f64, b.comments as f64));
        c.draw_series(AreaSeries::new(comments, 0.0, COMMENTS.mix(0.15)).border_style(COMMENTS.stroke_width(2)))
            .ok()?;
        let questions = r.timeline.iter().enumerate().map(|(i, b)| (i as f64, b.questions as f64));
        c.draw_series(LineSeries::new(questions, QUESTIONS.stroke_width(2))).ok()?;
        let label = ("sans-serif", 13).into_font().color(&INK).pos(Pos::new(HPos::Center, VPos::Bottom));
        c.draw_series(r.peaks.iter().enumerate().map(|(rank, p)| {
            let at = (minute_index(r, p.start_ms), p.comments as f64);
            EmptyElement::at(at)
                + Circle::new((0, 0), 4, COMMENTS.filled())
                + Text::new(format!("{}", rank + 1), (0, -6), label.clone())
        }))
        .ok()?;
        Some(())
    });
    Chart {
        svg,
        legend: vec![
            ("评论/分钟", "comments per minute", hex(COMMENTS)),
            ("提问/分钟", "questions per minute", hex(QUESTIONS)),
        ],
    }
}

/// Mood per minute, (pos − neg) / comments in −1…1, with the complaint spikes shaded red.
pub fn sentiment_timeline(r: &Report) -> Chart {
    let pct = |v: &f64| format!("{:+.0}%", v * 100.0);
    let svg = draw(r, -1.05..1.05, &pct, |c| {
        for a in &r.alerts {
            let (x0, x1) = (minute_index(r, a.started_ms), minute_index(r, a.last_ms) + 1.0);
            c.draw_series(std::iter::once(Rectangle::new(
                [(x0 - 0.5, -1.05), (x1 - 0.5, 1.05)],
                NEG.mix(0.14).filled(),
            )))
            .ok()?;
        }
        c.draw_series(LineSeries::new([(0.0, 0.0), (r.timeline.len().max(2) as f64 - 1.0, 0.0)], GRID.stroke_width(1)))
            .ok()?;
        let neg = r.timeline.iter().enumerate().map(|(i, b)| (i as f64, -share(b.neg, b.comments)));
        c.draw_series(AreaSeries::new(neg, 0.0, NEG.mix(0.18))).ok()?;
        let mood = r.timeline.iter().enumerate().map(|(i, b)| (i as f64, b.mood() as f64));
        c.draw_series(LineSeries::new(mood, POS.stroke_width(2))).ok()?;
        Some(())
    });
    Chart {
        svg,
        legend: vec![
            ("情绪（正面−负面）", "mood (positive − negative)", hex(POS)),
            ("负面占比", "negative share", hex(NEG)),
            ("负面突增", "complaint spike", "#f6d5d5".into()),
        ],
    }
}

fn share(part: u32, whole: u32) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// Gifts, likes, entries and orders per minute; `None` when the log had no event rows.
pub fn engagement(r: &Report) -> Option<Chart> {
    type Series = (&'static str, &'static str, fn(&crate::timeline::Bucket) -> u32);
    let series: [Series; 4] = [
        ("礼物", "gifts", |b| b.gifts),
        ("点赞", "likes", |b| b.likes),
        ("进场", "joins", |b| b.entries),
        ("下单", "orders", |b| b.purchases),
    ];
    let top = r.timeline.iter().flat_map(|b| series.iter().map(move |s| (s.2)(b))).max().unwrap_or(0);
    if top == 0 {
        return None;
    }
    let svg = draw(r, 0.0..(top.max(4) as f64 * 1.15), &count, |c| {
        for (k, s) in series.iter().enumerate() {
            let points = r.timeline.iter().enumerate().map(|(i, b)| (i as f64, (s.2)(b) as f64));
            c.draw_series(LineSeries::new(points, EVENTS[k].stroke_width(2))).ok()?;
        }
        Some(())
    });
    Some(Chart { svg, legend: series.iter().zip(EVENTS).map(|(s, c)| (s.0, s.1, hex(c))).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Comment, Config, Engine};

    #[test]
    fn charts_are_svg_without_comment_text() {
        let mut e = Engine::new(Config::default());
        for i in 0..200 {
            e.push(&Comment::by(format!("u{}", i % 37), "<script>多少钱</script>", i * 2_000));
        }
        let r = Report::from_engine(&e);
        for c in [comments_per_minute(&r), sentiment_timeline(&r)] {
            assert!(c.svg.starts_with("<svg"), "{}", &c.svg[..c.svg.len().min(80)]);
            assert!(!c.svg.contains("script"));
        }
        assert!(engagement(&r).is_none());
    }
}
