// The TypeScript counterpart of the Java example (client/README.md): upload a file, then ask with a metadata filter,
// typed by schema.d.ts. Type-checked by scripts/typescript-client.sh (tsc --noEmit), so that it follows the API.
import type { components, operations } from "./schema";

type AskRequest = components["schemas"]["AskRequest"];
type AskResponse = components["schemas"]["AskResponse"];
type IndexResponse = components["schemas"]["IndexResponse"];
type UploadFields = operations["indexFile"]["requestBody"]["content"]["multipart/form-data"];

export async function upload(baseUrl: string, apiKey: string, file: Blob, name: string,
                             corpus: string): Promise<IndexResponse> {
  const fields: Omit<UploadFields, "file"> = { source: `reports/${name}`, metadata: JSON.stringify({ corpus }) };
  const form = new FormData();
  form.append("file", file, name);
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) form.append(field, value);
  }
  return call<IndexResponse>(baseUrl, apiKey, "/api/documents/files", form);
}

export async function ask(baseUrl: string, apiKey: string, question: string, corpus: string): Promise<AskResponse> {
  const request: AskRequest = { question, filters: { metadata: { corpus } } };
  return call<AskResponse>(baseUrl, apiKey, "/api/ask", JSON.stringify(request), "application/json");
}

async function call<T>(baseUrl: string, apiKey: string, path: string, body: BodyInit, type?: string): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}` };
  if (type) headers["Content-Type"] = type;
  const response = await fetch(baseUrl + path, { method: "POST", headers, body });
  if (!response.ok) {
    const problem = (await response.json()) as components["schemas"]["Problem"];
    throw new Error(`${response.status} ${problem.title}: ${problem.detail}`);
  }
  return (await response.json()) as T;
}
