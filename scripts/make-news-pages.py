#!/usr/bin/env python3
"""Builds the news-site test pages of the extraction benchmark around the five sample articles.

    python3 scripts/make-news-pages.py      (from the repository root; standard library only)

Writes, for each article of src/main/resources/sample-articles/:
  src/test/resources/extraction/news/news-NNN.html       a page in the shape of a news site: menu, cookie banner,
                                                          share buttons, comments with a form, related-articles
                                                          teasers, sidebar, footer (five different page shapes)
  src/test/resources/extraction/reference/news-NNN.txt   its main text: the article's title and body blocks, one per
                                                          line, blank line between blocks, written from the same
                                                          article description as the page (never from an extractor)

The scraped articles carry junk of their pages (comment forms, consent texts, teasers); ROLES below says, line by line,
what each non-empty line of an article is, so that the junk goes where it was on the real page and the article body
goes into the article. The output is committed; rerun the script only when the articles or the shapes change.
"""
import html
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "src/main/resources/sample-articles"
PAGES = ROOT / "src/test/resources/extraction/news"
REFERENCES = ROOT / "src/test/resources/extraction/reference"

# Roles of an article's non-empty lines (index -> role). Unlisted lines are paragraphs ("p").
#   title: the headline (h1); lead: the standfirst; h2: a section heading; li: a list item (consecutive ones form a list);
#   quote/cite: a quotation and its source; skip: a scraping duplicate, left out of the page;
#   comments, consent, related, follow, categories, video: page furniture, placed where it was on the real page.
ROLES = {
    "000": {0: "title", 1: "lead", 6: "h2", 10: "h2", 15: "comments", 16: "comments", 17: "comments"},
    "001": {2: "h2", 6: "h2", 8: "related", 9: "related", 11: "follow", 12: "consent", 13: "consent",
            14: "consent", 15: "consent", 16: "consent"},
    "002": {0: "title", 1: "lead", 2: "h2", 4: "h2", 6: "quote", 7: "cite", 9: "h2", 11: "related",
            12: "related", 13: "related", 14: "h2", 17: "related"},
    "003": {0: "lead", 1: "h2", 4: "h2", 7: "h2", 10: "li", 11: "li", 12: "li",
            **{i: "skip" for i in range(14, 21)}},
    "004": {0: "categories", 1: "title", 2: "lead", 5: "h2", 8: "h2", 9: "video", 12: "h2", 16: "comments",
            17: "comments", 18: "comments"},
}

# Headlines for the two articles whose scrape lost them (written for these pages).
TITLES = {
    "001": "Microsoft et OpenAI préparent une séparation qui ne dit pas son nom",
    "003": "Microsoft, OpenAI et la FTC : une alliance à l'épreuve",
}

META = {
    "000": ("Jeanne Martin", "2024-10-18T09:30:00+02:00", "TechPresse"),
    "001": ("Hugo Bernard", "2024-12-27T14:05:00+01:00", "Numérique Hebdo"),
    "002": ("Claire Dubois", "2024-08-05", "Le Blog de la Tech"),
    "003": ("Marc Lefèvre", "2024-09-12T08:00:00Z", "Actu IA"),
    "004": ("Sophie Laurent", "2024-10-21T17:45:00+02:00", "Le Mag Digital"),
}

MENU = ["Accueil", "Actualités", "Tech", "Intelligence artificielle", "Business", "Vidéos", "Podcasts", "Newsletter"]
COOKIE_TEXT = ("Nous utilisons des cookies et des traceurs pour améliorer votre expérience, mesurer l'audience et "
               "vous proposer des publicités personnalisées. Vous pouvez accepter, refuser ou personnaliser vos choix "
               "à tout moment depuis la page Gestion des cookies.")
SHARE = ["Partager sur Facebook", "Partager sur X", "Partager sur LinkedIn", "Envoyer par e-mail", "Copier le lien"]
RELATED = ["Nvidia dépasse Apple et devient l'entreprise la plus valorisée du monde",
           "Google Gemini arrive dans Gmail : ce qui change pour les utilisateurs",
           "Amazon investit 4 milliards de dollars supplémentaires dans Anthropic",
           "Mistral AI lève 600 millions d'euros et accélère en Europe"]
MOST_READ = ["Les meilleurs smartphones de l'année : notre comparatif complet",
             "Fibre optique : la carte des déploiements mise à jour",
             "Cybersécurité : une faille critique découverte dans un routeur populaire"]
COMMENTS = [("Paul_92", "Il y a 2 heures",
             "Intéressant, mais je doute que Microsoft laisse filer OpenAI aussi facilement."),
            ("Lucie B.", "Il y a 5 heures",
             "Encore une histoire de gros sous. On verra dans six mois qui aura gagné."),
            ("techfan", "Hier", "Merci pour l'article, très clair ! Vivement la suite.")]
FOOTER_LINKS = ["À propos", "Mentions légales", "Politique de confidentialité", "Gestion des cookies", "Contact",
                "Publicité"]


def e(text):
    return html.escape(text, quote=True)


def blocks_of(article_id):
    """The article as (role, text) pairs, from its non-empty lines and ROLES."""
    path = next(ARTICLES.glob(article_id + "_*.txt"))
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    roles = ROLES[article_id]
    out = []
    for i, line in enumerate(lines):
        role = roles.get(i, "p")
        text = line.lstrip("•-").strip() if role in ("li", "related") else line
        if role != "skip":
            out.append((role, text))
    if article_id in TITLES:
        out.insert(0, ("title", TITLES[article_id]))
    return out


def body_html(blocks, paragraph_class=""):
    """The article body: paragraphs, headings, lists, quotes (not the title, lead and furniture)."""
    parts, items = [], []
    cls = f' class="{paragraph_class}"' if paragraph_class else ""
    for role, text in blocks + [("end", "")]:
        if role != "li" and items:
            parts.append("<ul>" + "".join(f"<li>{e(t)}</li>" for t in items) + "</ul>")
            items = []
        if role == "p":
            parts.append(f"<p{cls}>{e(text)}</p>")
        elif role == "h2":
            parts.append(f"<h2>{e(text)}</h2>")
        elif role == "li":
            items.append(text)
        elif role == "quote":
            parts.append(f"<blockquote><p>{e(text)}</p>")
        elif role == "cite":
            parts.append(f"<footer><cite>{e(text)}</cite></footer></blockquote>")
    return "\n".join(parts)


def reference(blocks):
    kept = [text for role, text in blocks if role in ("title", "lead", "p", "h2", "li", "quote", "cite")]
    return "\n\n".join(kept) + "\n"


def text_of(blocks, role):
    return [text for r, text in blocks if r == role]


def head(article_id, blocks, site, extra=""):
    author, published, _ = META[article_id]
    title = text_of(blocks, "title")[0]
    lead = (text_of(blocks, "lead") or text_of(blocks, "p"))[0]
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{e(title)} - {e(site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{e(lead[:160])}">
<meta name="author" content="{e(author)}">
<meta property="og:title" content="{e(title)}">
<meta property="og:site_name" content="{e(site)}">
<meta property="article:published_time" content="{e(published)}">
<link rel="canonical" href="https://example.org/{article_id}">
<link rel="stylesheet" href="/assets/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
{extra}</head>"""


def menu_list(css=""):
    cls = f' class="{css}"' if css else ""
    return f"<ul{cls}>" + "".join(f'<li><a href="/{i}">{e(m)}</a></li>' for i, m in enumerate(MENU)) + "</ul>"


def link_list(titles, css=""):
    cls = f' class="{css}"' if css else ""
    return f"<ul{cls}>" + "".join(f'<li><a href="/a/{i}">{e(t)}</a></li>' for i, t in enumerate(titles)) + "</ul>"


def comments_html(tag="article", css="comment"):
    return "\n".join(f'<{tag} class="{css}"><p class="comment-author">{e(a)} <span>{e(w)}</span></p>'
                     f'<p>{e(t)}</p><a href="#reply">Répondre</a></{tag}>' for a, w, t in COMMENTS)


def footer_links():
    return " ".join(f'<a href="/p/{i}">{e(link)}</a>' for i, link in enumerate(FOOTER_LINKS))


def page_000(blocks):
    """HTML5 semantic news site: header/nav, cookie dialog, main > article, aside, comments section, footer."""
    aid, (author, published, site) = "000", META["000"]
    title, lead = text_of(blocks, "title")[0], text_of(blocks, "lead")[0]
    form_lines = text_of(blocks, "comments")
    return head(aid, blocks, site) + f"""
<body class="single-post">
<a class="skip-link" href="#main">Aller au contenu</a>
<header class="site-header"><div class="logo"><a href="/">{e(site)}</a></div>
<nav class="main-menu" aria-label="Menu principal">{menu_list()}</nav>
<form class="search" action="/recherche"><input type="search" name="q" placeholder="Rechercher"><button>OK</button></form>
</header>
<div id="cookie-banner" class="cookie-consent" role="dialog"><p>{e(COOKIE_TEXT)}</p>
<button>Tout accepter</button><button>Tout refuser</button><a href="/cookies">Personnaliser</a></div>
<main id="main">
<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/tech">Tech</a> › <a href="/ia">Intelligence artificielle</a></nav>
<article class="post">
<header class="entry-header"><h1 class="entry-title">{e(title)}</h1>
<p class="byline">Par <a href="/auteur/jm">{e(author)}</a>, publié le <time datetime="{published}">18 octobre 2024 à 9 h 30</time></p>
<div class="share-buttons">{" ".join(f'<a href="#">{e(s)}</a>' for s in SHARE)}</div>
</header>
<div class="entry-content">
<p class="chapo"><strong>{e(lead)}</strong></p>
{body_html(blocks)}
</div>
<footer class="entry-footer"><div class="tags">Mots-clés : <a href="/t/ia">IA</a>, <a href="/t/ms">Microsoft</a>, <a href="/t/oa">OpenAI</a></div>
<div class="share-buttons">Partager cet article : {" ".join(f'<a href="#">{e(s)}</a>' for s in SHARE)}</div></footer>
</article>
<nav class="post-navigation"><a href="/prev">« Article précédent : {e(RELATED[0])}</a> <a href="/next">Article suivant : {e(RELATED[1])} »</a></nav>
<section class="related-posts"><h2>Articles similaires</h2>{link_list(RELATED)}</section>
<section id="comments" class="comments-area"><h2>3 commentaires</h2>
{comments_html()}
<div id="respond"><h3>{e(form_lines[0])}</h3>
<form action="/comment" method="post"><p class="comment-notes">{e(form_lines[1])}</p>
<label>Commentaire *</label><textarea name="comment"></textarea><label>Nom *</label><input name="author">
<label>E-mail *</label><input name="email"><button>Publier le commentaire</button></form>
<p class="akismet_comment_form_privacy_notice">{e(form_lines[2])}</p></div>
</section>
</main>
<aside class="sidebar"><h2>Les plus lus</h2>{link_list(MOST_READ)}
<div class="newsletter"><h3>Recevez notre newsletter</h3><p>Chaque matin, l'essentiel de la tech dans votre boîte mail.</p></div></aside>
<footer class="site-footer"><p>{footer_links()}</p><p>© 2024 {e(site)}. Tous droits réservés.</p></footer>
</body>
</html>
"""


def page_001(blocks):
    """Div soup with telling class names; an inline teaser inside the body; Disqus consent placeholder."""
    aid, (author, published, site) = "001", META["001"]
    title = text_of(blocks, "title")[0]
    related, follow, consent = text_of(blocks, "related"), text_of(blocks, "follow"), text_of(blocks, "consent")
    body = []
    for role, text in blocks:
        if role == "related" and text == related[0]:
            body.append(f'<div class="article-related-inline"><span class="label">{e(related[0])}</span>'
                        f'<a href="/a/musk">{e(related[1])}</a></div>')
        elif role in ("p", "h2"):
            body.append(f"<p>{e(text)}</p>" if role == "p" else f"<h2>{e(text)}</h2>")
    return head(aid, blocks, site) + f"""
<body>
<div id="header"><div class="header-logo"><a href="/">{e(site)}</a></div>{menu_list("menu")}
<div class="header-actions"><a href="/abonnement">S'abonner</a> <a href="/connexion">Se connecter</a></div></div>
<div class="rgpd-banner"><p>{e(COOKIE_TEXT)}</p><a href="#" class="btn">J'accepte</a> <a href="#" class="btn">Continuer sans accepter</a></div>
<div class="page">
<div class="content-wrapper">
<div class="article-header"><h1>{e(title)}</h1>
<div class="article-meta">Publié le 27 décembre 2024 à 14h05 par <a href="/auteurs/hb">{e(author)}</a></div>
<div class="social-share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Flipboard</a></div></div>
<div class="article-body">
{chr(10).join(body)}
</div>
<div class="follow-box"><p>{e(follow[0])}</p><a href="#">Suivre sur Google Actualités</a></div>
<div id="disqus_thread" class="comments-block"><div class="consent-placeholder">
{chr(10).join(f"<p>{e(line)}</p>" for line in consent[:-1])}
<a href="#" class="consent-button">{e(consent[-1])}</a></div></div>
</div>
<div class="sidebar"><div class="widget"><h3>À lire aussi</h3>{link_list(RELATED)}</div>
<div class="widget"><h3>Les plus populaires</h3>{link_list(MOST_READ)}</div></div>
</div>
<div id="footer">{footer_links()}<p>{e(site)} © 2024 – Reproduction interdite.</p></div>
</body>
</html>
"""


def page_002(blocks):
    """WordPress-like blog: article.post, a blockquote, an inline list of related links, Jetpack related posts."""
    aid, (author, published, site) = "002", META["002"]
    title, lead = text_of(blocks, "title")[0], text_of(blocks, "lead")[0]
    related = text_of(blocks, "related")
    body_blocks = []
    for role, text in blocks:
        if role == "related" and text == related[0]:
            body_blocks.append(("inline-links", ""))
        if role in ("p", "h2", "quote", "cite"):
            body_blocks.append((role, text))
    html_parts = []
    for role, text in body_blocks:
        if role == "inline-links":
            html_parts.append('<ul class="wp-block-list">' + "".join(
                f'<li><a href="/{i}">{e(t)}</a></li>' for i, t in enumerate(related[:3])) + "</ul>")
        else:
            html_parts.append(body_html([(role, text)]))
    jsonld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting",'
              f'"headline":"{e(title)}","datePublished":"{published}","author":{{"@type":"Person","name":"{author}"}}}}'
              "</script>\n")
    return head(aid, blocks, site, jsonld) + f"""
<body class="post-template-default single">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">{e(site)}</a></p>
<p class="site-description">Le meilleur de la tech, chaque jour</p>
<nav id="site-navigation" class="main-navigation">{menu_list("menu")}</nav></header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<article id="post-2024" class="post type-post status-publish format-standard">
<header class="entry-header"><h1 class="entry-title">{e(title)}</h1>
<div class="entry-meta"><span class="posted-on">Publié le <time datetime="{published}">5 août 2024</time></span>
<span class="byline"> par <a href="/author/cd">{e(author)}</a></span></div></header>
<div class="entry-content">
<p>{e(lead)}</p>
{chr(10).join(html_parts)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Partager :</h3>{" ".join(f'<a href="#">{e(s)}</a>' for s in SHARE[:3])}</div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">{e(related[-1])}</h3>{link_list(RELATED[:3])}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Publié dans <a href="/c/ia">IA</a></span></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 réponses</h2><ol class="comment-list">
{comments_html("li", "comment")}</ol>
<div id="respond" class="comment-respond"><h3>Laisser un commentaire</h3><form><textarea></textarea></form></div></div>
</div>
<div id="secondary" class="widget-area"><section class="widget"><h2>Articles récents</h2>{link_list(MOST_READ)}</section>
<section class="widget"><h2>Archives</h2><ul><li><a href="/2024/10">octobre 2024</a></li><li><a href="/2024/09">septembre 2024</a></li></ul></section></div>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Fièrement propulsé par WordPress | {footer_links()}</div></footer>
</div>
</body>
</html>
"""


def page_003(blocks):
    """Generated class names only (no telling names, no semantic tags): the scorer has to find the article."""
    aid, (author, published, site) = "003", META["003"]
    title = text_of(blocks, "title")[0]
    return head(aid, blocks, site) + f"""
<body>
<div class="x1a"><div class="x1b"><a href="/">{e(site)}</a></div>
<div class="x1c">{menu_list("x1d")}</div></div>
<div class="q7 z2"><p class="q8">{e(COOKIE_TEXT)}</p><span class="q9">Accepter</span> <span class="q9">Refuser</span></div>
<div class="k1">
<div class="k2">
<div class="k3"><a href="/">Accueil</a> / <a href="/ia">IA</a> / <a href="/business">Business</a></div>
<h1 class="k4">{e(title)}</h1>
<div class="k5">{e(author)} · 12 septembre 2024 · 6 min de lecture</div>
<div class="k6">
<p class="k7"><b>{e(text_of(blocks, "lead")[0])}</b></p>
{body_html([b for b in blocks if b[0] in ("p", "h2", "li")])}
</div>
<div class="k8"><span>Sur le même sujet</span>{link_list(RELATED, "k9")}</div>
<div class="k10"><div class="k11">{len(COMMENTS)} commentaires</div>
{chr(10).join(f'<div class="k12"><div class="k13">{e(a)} · {e(w)}</div><div class="k14">{e(t)}</div></div>' for a, w, t in COMMENTS)}
</div>
</div>
<div class="k15"><div class="k16">Tendances</div>{link_list(MOST_READ, "k17")}
<div class="k18">Publicité</div></div>
</div>
<div class="x9">{footer_links()}<div>© 2024 {e(site)}</div></div>
</body>
</html>
"""


def page_004(blocks):
    """Magazine theme: role=main wrapper, category line, a video embed, newsletter box, comment form."""
    aid, (author, published, site) = "004", META["004"]
    title, lead = text_of(blocks, "title")[0], text_of(blocks, "lead")[0]
    form_lines = text_of(blocks, "comments")
    body = []
    for role, text in blocks:
        if role == "video":
            body.append('<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">'
                        f'<iframe title="{e(text)}" src="https://www.youtube.com/embed/x" width="560" height="315">'
                        "</iframe></div></figure>")
        elif role in ("p", "h2"):
            body.append(body_html([(role, text)]))
    return head(aid, blocks, site) + f"""
<body>
<div class="top-bar"><span>Lundi 21 octobre 2024</span> <a href="/newsletter">Newsletter</a> <a href="/contact">Contact</a></div>
<div class="site-nav">{menu_list()}</div>
<div class="cmp-container" id="consent"><div class="cmp-text">{e(COOKIE_TEXT)}</div>
<div class="cmp-buttons"><a href="#">Accepter et fermer</a><a href="#">En savoir plus</a></div></div>
<div class="layout" role="main">
<div class="post-categories">{e(text_of(blocks, "categories")[0].split(" ")[0])} <a href="/c/ia">Intelligence artificielle</a>, <a href="/c/biz">Business</a>, <a href="/c/news">News</a></div>
<h1 class="post-title">{e(title)}</h1>
<div class="post-author">Par {e(author)} — 21 octobre 2024</div>
<div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">Pinterest</a></div>
<div class="post-content">
<p class="excerpt">{e(lead)}</p>
{chr(10).join(body)}
<div class="newsletter-box"><h3>Ne manquez rien de l'actualité IA</h3><p>Inscrivez-vous gratuitement à notre newsletter hebdomadaire et recevez nos meilleurs articles.</p></div>
</div>
<div class="post-comments"><a href="#respond" class="comments-toggle">{e(form_lines[0])}</a>
<div id="respond"><h3>{e(form_lines[1])}</h3><p>{e(form_lines[2])}</p><form><textarea></textarea></form></div></div>
<div class="read-next"><h3>À lire ensuite</h3>{link_list(RELATED[1:])}</div>
</div>
<div class="footer-widgets"><div>{link_list(MOST_READ)}</div><div><p>{e(site)} est un média indépendant consacré au numérique.</p></div></div>
<div class="copyright">© 2024 {e(site)} — {footer_links()}</div>
</body>
</html>
"""


def main():
    PAGES.mkdir(parents=True, exist_ok=True)
    REFERENCES.mkdir(parents=True, exist_ok=True)
    for article_id, build in [("000", page_000), ("001", page_001), ("002", page_002), ("003", page_003),
                              ("004", page_004)]:
        blocks = blocks_of(article_id)
        (PAGES / f"news-{article_id}.html").write_text(build(blocks), encoding="utf-8")
        (REFERENCES / f"news-{article_id}.txt").write_text(reference(blocks), encoding="utf-8")
        print(f"news-{article_id}: {len(blocks)} blocks")


if __name__ == "__main__":
    main()
