//! The education pages' Markdown (issue 20), rendered server-side into a small, safe subset of HTML.
//!
//! CommonMark by `pulldown-cmark` (core syntax only: paragraphs, emphasis, headings, lists, quotes, code, links)
//! and its HTML writer, which escapes all text and attributes. What could carry markup or script never reaches
//! the page as such: raw HTML (a block or inline) is shown as escaped text, images become their alt text (pages
//! load nothing from elsewhere), a link keeps its target only when it is `https:`, `http:`, `mailto:`, a path on
//! this site or a fragment (else its words stay, unlinked), and headings start at level 2 under the page's own
//! title. So no HTML sanitizer pass is needed: only HTML the writer builds from these events is ever emitted.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Whether a link target may be kept.
fn safe_target(dest: &str) -> bool {
    let d = dest.trim();
    let lower = d.to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (d.starts_with('/') && !d.starts_with("//") && !d.starts_with("/\\"))
        || d.starts_with('#')
}

fn at_least_h2(level: HeadingLevel) -> HeadingLevel {
    if level == HeadingLevel::H1 { HeadingLevel::H2 } else { level }
}

/// The page's HTML.
pub fn render(markdown: &str) -> String {
    // Whether each open link was kept (so its end is kept or dropped with it).
    let mut links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, Options::empty()).filter_map(|ev| match ev {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let keep = safe_target(&dest_url);
            links.push(keep);
            keep.then_some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::End(TagEnd::Link) => links.pop().unwrap_or(false).then_some(Event::End(TagEnd::Link)),
        Event::Start(Tag::Heading { level, id: _, classes: _, attrs: _ }) => Some(Event::Start(Tag::Heading {
            level: at_least_h2(level),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(at_least_h2(level)))),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Whether a link to `dest` keeps its target (the rule above).
pub fn keeps_link(dest: &str) -> bool {
    safe_target(dest)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_subset_renders() {
        assert_eq!(render("Say *person in recovery*."), "<p>Say <em>person in recovery</em>.</p>\n");
        assert_eq!(render("# Title\n\n- one\n- two"), "<h2>Title</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
        assert_eq!(
            render("[Find naloxone](/find?q=naloxone) · [NIDA](https://nida.nih.gov/)"),
            "<p><a href=\"/find?q=naloxone\">Find naloxone</a> · <a href=\"https://nida.nih.gov/\">NIDA</a></p>\n"
        );
    }

    #[test]
    fn no_markup_or_script_gets_through() {
        assert_eq!(render("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
        assert_eq!(render("Hi <b onclick=x>there</b>"), "<p>Hi &lt;b onclick=x&gt;there&lt;/b&gt;</p>\n");
        assert_eq!(render("[click](javascript:alert(1))"), "<p>click</p>\n");
        assert_eq!(render("[x](//evil.example/)"), "<p>x</p>\n");
        assert_eq!(render("![a cat](https://evil.example/cat.png)"), "<p>a cat</p>\n");
        assert_eq!(
            render("[t](https://a.example/ \"x\\\" onmouseover=\\\"y\")"),
            "<p><a href=\"https://a.example/\" title=\"x&quot; onmouseover=&quot;y\">t</a></p>\n"
        );
        assert!(!keeps_link("data:text/html,hi") && !keeps_link(" JavaScript:x") && keeps_link("mailto:a@b.example"));
    }

    proptest! {
        /// Whatever is typed, the output has no tag but the subset's, no event handler and no script URL.
        #[test]
        fn only_the_subset_is_emitted(s in "[ -~\\n]{0,200}") {
            let out = render(&s);
            for tag in out.split('<').skip(1) {
                let name: String = tag.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
                prop_assert!(
                    ["p", "em", "strong", "a", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "code", "pre", "hr", "br"]
                        .contains(&name.as_str()),
                    "<{}> in {:?}", name, out
                );
            }
            let lower = out.to_ascii_lowercase();
            prop_assert!(!lower.contains("href=\"javascript:") && !lower.contains("href=\"data:"));
        }
    }
}
