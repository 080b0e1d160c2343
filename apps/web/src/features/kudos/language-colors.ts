/** GitHub's colours for the languages seen most often; others get a neutral grey. */
const COLORS: Record<string, string> = {
  'C#': '#178600',
  'C++': '#f34b7d',
  C: '#555555',
  CSS: '#563d7c',
  Dart: '#00b4ab',
  Go: '#00add8',
  HTML: '#e34c26',
  Java: '#b07219',
  JavaScript: '#f1e05a',
  'Jupyter Notebook': '#da5b0b',
  Kotlin: '#a97bff',
  PHP: '#4f5d95',
  Python: '#3572a5',
  Ruby: '#701516',
  Rust: '#dea584',
  Shell: '#89e051',
  Swift: '#f05138',
  TeX: '#3d6117',
  TypeScript: '#3178c6',
  Vue: '#41b883',
};

export function languageColor(language: string): string {
  return COLORS[language] ?? '#8b949e';
}
