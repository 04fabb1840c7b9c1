package io.semsearch.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Metadata of a web page from its markup: {@code <title>}, {@code <meta>} (standard names, Dublin Core, Open Graph,
 * {@code article:*}), {@code itemprop} microdata, JSON-LD ({@code schema.org} Article and friends), {@code <time>},
 * and the {@code lang} attribute. Read before the page is cleaned (it needs the head and the JSON-LD scripts).
 */
record HtmlMetadata(String title, String author, String published, String modified, String language,
        String description, List<String> keywords, String siteName, String url) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static HtmlMetadata read(Document doc) {
        List<JsonNode> jsonLd = jsonLd(doc);
        Element h1 = doc.body() == null ? null : HtmlMainContent.titleHeading(doc.body());
        if (h1 != null) {
            h1 = h1.clone();
            PageCleaner.removePermalinks(h1);
        }
        String title = first(meta(doc, "og:title"), text(h1), meta(doc, "dc.title"), meta(doc, "dcterms.title"),
                jsonText(jsonLd, "headline"), clean(doc.title()));
        String author = first(meta(doc, "author"), meta(doc, "dc.creator"), meta(doc, "dcterms.creator"),
                notUrl(meta(doc, "article:author")), jsonAuthor(jsonLd), itemprop(doc, "author"),
                text(doc.selectFirst("[rel=author]")));
        String published = first(meta(doc, "article:published_time"), meta(doc, "datepublished"),
                meta(doc, "dc.date.issued"), meta(doc, "dcterms.issued"), meta(doc, "dc.date"),
                meta(doc, "dcterms.date"), meta(doc, "dcterms.created"), meta(doc, "date"), meta(doc, "pubdate"),
                meta(doc, "publish-date"), meta(doc, "publishdate"), jsonText(jsonLd, "datePublished"),
                itemprop(doc, "datePublished"), attr(doc.selectFirst("article time[datetime], time[pubdate]"),
                        "datetime"));
        String modified = first(meta(doc, "article:modified_time"), meta(doc, "dcterms.modified"),
                jsonText(jsonLd, "dateModified"), itemprop(doc, "dateModified"));
        String language = first(attr(doc.selectFirst("html"), "lang"), attr(doc.selectFirst("html"), "xml:lang"),
                httpEquiv(doc, "content-language"), meta(doc, "language"), meta(doc, "dc.language"),
                meta(doc, "dcterms.language"), meta(doc, "og:locale"), jsonText(jsonLd, "inLanguage"));
        String description = first(meta(doc, "description"), meta(doc, "og:description"),
                meta(doc, "dc.description"));
        Set<String> keywords = new LinkedHashSet<>();
        String keywordList = meta(doc, "keywords");
        if (keywordList != null) {
            for (String keyword : keywordList.split("[,;]")) {
                if (!keyword.isBlank()) {
                    keywords.add(keyword.strip());
                }
            }
        }
        for (Element tag : doc.select("meta[property=article:tag]")) {
            if (!tag.attr("content").isBlank()) {
                keywords.add(tag.attr("content").strip());
            }
        }
        String siteName = first(meta(doc, "og:site_name"), meta(doc, "application-name"));
        String url = first(attr(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "og:url"));
        return new HtmlMetadata(title, author, published, modified, language, description,
                List.copyOf(keywords), siteName, url);
    }

    /** A {@code <meta>} value by {@code name}, {@code property} or {@code itemprop}, case-insensitively. */
    private static String meta(Document doc, String key) {
        for (Element meta : doc.select("meta[content]")) {
            for (String attribute : new String[] {"name", "property", "itemprop"}) {
                if (meta.attr(attribute).equalsIgnoreCase(key)) {
                    return clean(meta.attr("content"));
                }
            }
        }
        return null;
    }

    private static String httpEquiv(Document doc, String key) {
        for (Element meta : doc.select("meta[http-equiv][content]")) {
            if (meta.attr("http-equiv").equalsIgnoreCase(key)) {
                return clean(meta.attr("content"));
            }
        }
        return null;
    }

    private static String itemprop(Document doc, String property) {
        Element element = doc.selectFirst("[itemprop=" + property + "]");
        if (element == null) {
            return null;
        }
        Element name = element.selectFirst("[itemprop=name]");
        return first(attr(element, "content"), attr(element, "datetime"), text(name), text(element));
    }

    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), nodes);
            } catch (Exception e) {
                // malformed JSON-LD is common: the other sources still apply
            }
        }
        return nodes;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
        }
    }

    private static String jsonText(List<JsonNode> nodes, String field) {
        for (JsonNode node : nodes) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return clean(value.asText());
            }
        }
        return null;
    }

    private static String jsonAuthor(List<JsonNode> nodes) {
        for (JsonNode node : nodes) {
            JsonNode author = node.get("author");
            if (author == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode one : author.isArray() ? author : List.of(author)) {
                if (one.isTextual()) {
                    names.add(one.asText());
                } else if (one.hasNonNull("name")) {
                    names.add(one.get("name").asText());
                }
            }
            names.removeIf(String::isBlank);
            if (!names.isEmpty()) {
                return clean(String.join(", ", names));
            }
        }
        return null;
    }

    private static String notUrl(String value) {
        return value == null || value.toLowerCase(Locale.ROOT).startsWith("http") ? null : value;
    }

    private static String attr(Element element, String attribute) {
        return element == null ? null : clean(element.attr(attribute));
    }

    private static String text(Element element) {
        return element == null ? null : clean(element.text());
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = BlockText.collapse(value.replace('\u00A0', ' '));
        return collapsed.isEmpty() ? null : collapsed;
    }

    static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
