/**
 * Report prose lives in Markdown files beside the code that fills it: `{{name}}` marks a
 * value. Filling is strict both ways (a placeholder without a value, or a value without a
 * placeholder, throws), so a template and its code cannot drift apart unnoticed.
 */
import fs from "node:fs";
import path from "node:path";
import { fixed } from "./markdown";

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export type TemplateValues = Readonly<Record<string, string | number>>;

/** Reads a template that sits beside the calling module (`dir` is its `__dirname`). */
export function readTemplate(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), "utf8");
}

export function fillTemplate(template: string, values: TemplateValues): string {
  const used = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template: no value for {{${name}}}`);
    used.add(name);
    return String(value);
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`template: no placeholder for ${unused.join(", ")}`);
  return filled;
}

/**
 * The items of a Markdown bullet list, each on one line: an item starts with "- " and its
 * wrapped continuation lines are joined with single spaces. Anything before the first item
 * (a heading, a comment) is skipped.
 */
export function listItems(markdown: string): string[] {
  const items: string[][] = [];
  for (const line of markdown.split("\n")) {
    const text = line.trim();
    if (line.startsWith("- ")) items.push([text.slice(2)]);
    else if (text) items[items.length - 1]?.push(text);
  }
  return items.map((words) => words.join(" "));
}

/** The machine a bench ran on, as every report records it. */
export interface BenchMachine {
  cores: number;
  cpu: string;
  node: string;
  memoryGB: number;
}

/** The values every report's header fills: the command, when it ran, for how long, and on what. */
export function runHeaderValues(report: { command: string; date: string; durationS: number; machine: BenchMachine }): TemplateValues {
  const { machine } = report;
  return {
    command: report.command,
    date: report.date,
    durationS: fixed(report.durationS, 0),
    cores: machine.cores,
    cpu: machine.cpu,
    memoryGB: machine.memoryGB,
    node: machine.node,
  };
}
