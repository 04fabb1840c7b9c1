package io.semsearch.mcp;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.semsearch.answer.AnswerConfig;
import io.semsearch.answer.AskRequest;
import io.semsearch.answer.AskResponse;
import io.semsearch.answer.AskService;
import io.semsearch.common.ApiException;
import io.semsearch.document.DocumentDetail;
import io.semsearch.document.DocumentPage;
import io.semsearch.document.DocumentService;
import io.semsearch.feedback.FeedbackRequest;
import io.semsearch.feedback.FeedbackService;
import io.semsearch.search.SearchConfig;
import io.semsearch.search.SearchFilters;
import io.semsearch.search.SearchParams;
import io.semsearch.search.SearchQuery;
import io.semsearch.search.SearchResponse;
import io.semsearch.search.SearchService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The service as tools for AI assistants and agents (Model Context Protocol, Streamable HTTP at {@code /mcp}). Each
 * tool takes what the HTTP API takes, is validated by the same rules, and returns the same JSON: passages and
 * citations with their document, source, title and character offsets.
 */
public class SemanticSearchTools {

    private final SearchService search;
    private final AskService ask;
    private final DocumentService documents;
    private final SearchConfig searchConfig;
    private final AnswerConfig answerConfig;
    private final Validator validator;
    private final FeedbackService feedback;

    public SemanticSearchTools(SearchService search, AskService ask, DocumentService documents,
            SearchConfig searchConfig, AnswerConfig answerConfig, Validator validator, FeedbackService feedback) {
        this.search = search;
        this.ask = ask;
        this.documents = documents;
        this.searchConfig = searchConfig;
        this.answerConfig = answerConfig;
        this.validator = validator;
        this.feedback = feedback;
    }

    @Tool(name = "search", structuredContent = true, annotations = @Tool.Annotations(title = "Search passages",
            readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false),
            description = """
                    Finds the passages of the indexed French documents that best match a query, best first. Use it \
                    to look for facts, names or topics, or to see which documents talk about something. Each result \
                    has the passage text, its document id, source, title, and the character offsets (start, end) of \
                    the passage in the document's content; get_document returns that content.""")
    public SearchResponse searchPassages(
            @ToolArg(description = "What to look for, in natural language (French works best); at most 2000 "
                    + "characters") String query,
            @ToolArg(description = "How many passages to return, 1 to 50 (default 5)", required = false) Integer k,
            @ToolArg(description = "Retrieval mode: 'hybrid' (default: meaning and words together), 'dense' "
                    + "(meaning only) or 'lexical' (words only, best for names and numbers)", required = false)
            String mode,
            @ToolArg(description = "Restricts the search to some documents; omit to search everything. documentIds: "
                    + "document ids; sources: document sources (e.g. file names); metadata: what every document's "
                    + "metadata must hold, each value a string, number or boolean matched with its JSON type, or a "
                    + "range of numbers or ISO dates, e.g. {\"corpus\": \"sample\", \"year\": {\"gte\": 2020, "
                    + "\"lt\": 2025}}", required = false) SearchFilters filters) {
        SearchParams params = valid(new SearchParams(query, k == null ? null : k.toString(), mode, null, null, null,
                null, null));
        if (filters != null) {
            valid(filters, "filters.");
        }
        SearchQuery withFilters = params.toQuery(searchConfig.defaultK(), filters);
        long started = System.nanoTime();
        return SearchResponse.of(withFilters, search.search(withFilters), System.nanoTime() - started);
    }

    @Tool(name = "ask", structuredContent = true, annotations = @Tool.Annotations(title = "Answer a question",
            readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false),
            description = """
                    Answers a question from the indexed French documents, quoting their sentences. 'answer' holds \
                    one to three sentences taken from the documents, each followed by a marker [n]; citations[n-1] \
                    is the passage it comes from (document id, source, title, offsets start/end in the document, \
                    the passage text, and highlight.start/end: the quoted sentence inside that text). When nothing \
                    relevant is indexed, 'answered' is false and 'reason' says why: then do not make up an answer. \
                    For a follow-up question ("and how much did it raise?"), pass the earlier turns as history. \
                    'answerId' names the answer for give_feedback.""")
    public AskResponse answerQuestion(
            @ToolArg(description = "The question, in French or English; at most 2000 characters") String question,
            @ToolArg(description = "Earlier turns of the conversation, oldest first, at most 20; each is {\"role\": "
                    + "\"user\" or \"assistant\", \"content\": the text}. The last user turn gives context to "
                    + "a follow-up question", required = false) List<AskRequest.Turn> history,
            @ToolArg(description = "How many passages to read before answering, 1 to 50 (default 8)", required = false)
            Integer k,
            @ToolArg(description = "Restricts the answer to some documents; same fields as in the search tool",
                    required = false) SearchFilters filters) {
        AskRequest request = valid(new AskRequest(question, k, filters, history));
        return AskResponse.of(ask.ask(request.toQuestion(answerConfig.defaultK())));
    }

    @Tool(name = "get_document", structuredContent = true, annotations = @Tool.Annotations(title = "Read a document",
            readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false),
            description = """
                    Returns one indexed document by its id (the documentId of a search result or citation): its \
                    source, title, metadata, its whole cleaned content, and its chunks with their offsets in that \
                    content. Use it to read around a passage: content.substring(start, end) is the passage.""")
    public DocumentDetail getDocument(
            @ToolArg(description = "The document id, a UUID such as 0b6f1c9e-8f5e-4a38-9a43-3f1f3b6a2c11") String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new ToolCallException("id: '" + id + "' is not a document id (a UUID)");
        }
        try {
            return DocumentDetail.of(documents.get(parsed));
        } catch (ApiException e) {
            throw new ToolCallException(e.getMessage());
        }
    }

    @Tool(name = "list_documents", structuredContent = true, annotations = @Tool.Annotations(
            title = "List documents", readOnlyHint = true, destructiveHint = false, idempotentHint = true,
            openWorldHint = false),
            description = """
                    Lists the indexed documents, oldest first, one page at a time: each with its id, source, title,                     language, metadata, number of chunks and dates, and the total number of documents. Use it to see                     what the corpus holds before searching, to find a document's id from its source (give source),                     or to read pages in turn (page 0, 1, ... while page * size < total).""")
    public DocumentPage listDocuments(
            @ToolArg(description = "Page number, from 0 (default 0)", required = false) Integer page,
            @ToolArg(description = "Documents per page, 1 to 200 (default 20)", required = false) Integer size,
            @ToolArg(description = "Only the document of this source (at most one), e.g. a file name given at "
                    + "indexing", required = false) String source) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        List<String> errors = new ArrayList<>();
        if (pageNumber < 0) {
            errors.add("page: must be 0 or more");
        }
        if (pageSize < 1 || pageSize > 200) {
            errors.add("size: must be between 1 and 200");
        }
        if (source != null && (source.isBlank() || source.length() > 1000)) {
            errors.add("source: must be 1 to 1000 characters");
        }
        if (!errors.isEmpty()) {
            throw new ToolCallException(String.join("; ", errors));
        }
        return documents.page(pageNumber, pageSize, source == null ? null : source.strip());
    }

    @Tool(name = "give_feedback", structuredContent = true, annotations = @Tool.Annotations(
            title = "Rate an answer", readOnlyHint = false, destructiveHint = false, idempotentHint = true,
            openWorldHint = false),
            description = """
                    Rates an answer of the ask tool, by its answerId: 'up' when it answered the question, 'down' \
                    when it was wrong, unhelpful or abstained where the documents should have had the answer, with \
                    an optional comment saying why. The corpus owner reads these ratings to improve the documents. \
                    Rating the same answer again replaces the earlier rating. Rate only on what the user said or \
                    what you checked, not by default.""")
    public FeedbackGiven giveFeedback(
            @ToolArg(description = "The answerId of an answer of the ask tool, a UUID") String answerId,
            @ToolArg(description = "'up' for a good answer, 'down' for a wrong, unhelpful or missing one")
            String rating,
            @ToolArg(description = "Why, in a sentence or two (optional, at most 2000 characters)", required = false)
            String comment) {
        FeedbackRequest request = valid(new FeedbackRequest(rating, comment));
        UUID id;
        try {
            id = UUID.fromString(answerId == null ? "" : answerId.strip());
        } catch (IllegalArgumentException e) {
            throw new ToolCallException("answerId: '" + answerId + "' is not an answer id (a UUID)");
        }
        try {
            feedback.rate(id, request.toRating(), request.strippedComment());
        } catch (ApiException e) {
            throw new ToolCallException(e.getMessage());
        }
        return new FeedbackGiven(id, request.toRating().label(), request.strippedComment());
    }

    /** The rating as stored. */
    public record FeedbackGiven(UUID answerId, String rating, String comment) {
    }

    /** The arguments, when they keep the HTTP API's rules; otherwise a tool error naming each argument to fix. */
    private <T> T valid(T arguments) {
        return valid(arguments, "");
    }

    /** The same, for an argument validated alone: prefix is its name and a dot. */
    private <T> T valid(T arguments, String prefix) {
        Set<ConstraintViolation<T>> violations = validator.validate(arguments);
        if (violations.isEmpty()) {
            return arguments;
        }
        throw new ToolCallException(violations.stream()
                .map(v -> prefix + argumentName(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; ")));
    }

    private static String argumentName(String property) {
        return property.equals("q") ? "query" : property.replaceAll("\\.<list element>", "");
    }
}
