/** Tailwind v4 reads its theme from CSS (src/styles.css); this file is loaded there with
 * `@config` and holds what is easier to say in JS: where classes live and dark mode. */
/** @type {import('tailwindcss').Config} */
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'class',
}
