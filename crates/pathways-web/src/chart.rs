//! A small line chart as server-rendered SVG (no script, no third party), always paired on the page with a
//! data table for screen readers.

/// A plotted point: its position and what it stands for.
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub value: i64,
}

pub struct LineChart {
    pub width: u32,
    pub height: u32,
    /// `x,y x,y …` for a `<polyline>`.
    pub polyline: String,
    pub points: Vec<Point>,
    /// (y, label) of horizontal guide lines.
    pub guides: Vec<(f64, String)>,
    /// The y of a highlighted reference line (a cut-off), if any.
    pub reference: Option<(f64, String)>,
}

const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 24.0;

/// Plots `values` (label, value), evenly spaced, on a fixed vertical scale `min..=max`.
pub fn line_chart(values: &[(String, i64)], min: i64, max: i64, guides: &[i64], reference: Option<i64>) -> LineChart {
    let (width, height) = (640u32, 240u32);
    let plot_w = f64::from(width) - LEFT - RIGHT;
    let plot_h = f64::from(height) - TOP - BOTTOM;
    let span = (max - min).max(1) as f64;
    let y_of = |v: i64| TOP + plot_h - ((v.clamp(min, max) - min) as f64 / span) * plot_h;
    let n = values.len();
    let points: Vec<Point> = values
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let x = if n <= 1 { LEFT + plot_w / 2.0 } else { LEFT + plot_w * i as f64 / (n - 1) as f64 };
            Point { x: round(x), y: round(y_of(*v)), label: label.clone(), value: *v }
        })
        .collect();
    let polyline = points.iter().map(|p| format!("{},{}", p.x, p.y)).collect::<Vec<_>>().join(" ");
    LineChart {
        width,
        height,
        polyline,
        points,
        guides: guides.iter().map(|g| (round(y_of(*g)), g.to_string())).collect(),
        reference: reference.map(|r| (round(y_of(r)), r.to_string())),
    }
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_span_the_plot_and_scale_vertically() {
        let c = line_chart(&[("a".into(), 10), ("b".into(), 60)], 10, 60, &[10, 60], Some(47));
        assert_eq!(c.points[0].x, LEFT);
        assert_eq!(c.points[1].x, 640.0 - RIGHT);
        assert_eq!(c.points[0].y, 240.0 - BOTTOM);
        assert_eq!(c.points[1].y, TOP);
        let r = c.reference.expect("reference").0;
        assert!(r > TOP && r < 240.0 - BOTTOM);
        let one = line_chart(&[("a".into(), 35)], 10, 60, &[], None);
        assert_eq!(one.polyline.split(' ').count(), 1);
        assert!(line_chart(&[], 10, 60, &[], None).points.is_empty());
    }
}
