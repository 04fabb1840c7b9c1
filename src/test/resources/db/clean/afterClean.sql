-- Flyway's clean leaves text search configurations: drop the project's so that V1 and V6 can create them again.
DROP TEXT SEARCH CONFIGURATION IF EXISTS semsearch_french;
DROP TEXT SEARCH CONFIGURATION IF EXISTS semsearch_english;
