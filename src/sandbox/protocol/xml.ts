/** Small XML writing helpers shared by restXml (S3) and awsQuery (IAM, STS). */
import { XMLParser } from "fast-xml-parser";

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;",
  );
}

export function element(name: string, inner: string, attrs = ""): string {
  return `<${name}${attrs}>${inner}</${name}>`;
}

export function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return escapeXml(String(value));
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  isArray: () => true,
});

/** Parses XML into nested objects where every element's value is an array (no guessing). */
export function parseXml(text: string): Record<string, unknown[]> {
  return parser.parse(text) as Record<string, unknown[]>;
}
