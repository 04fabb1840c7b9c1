-- Flyway's clean leaves text search configurations: drop the project's so that V1 can create it again.
DROP TEXT SEARCH CONFIGURATION IF EXISTS semsearch_french;
