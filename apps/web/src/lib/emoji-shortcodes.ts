/**
 * GitHub writes emoji in descriptions as shortcodes (":rocket:") and draws
 * them on its own pages; we draw the common ones too. Unknown shortcodes and
 * GitHub's picture-only ones (:octocat:) stay as typed. Display only: the
 * stored text is never changed.
 */
const EMOJI: Readonly<Record<string, string>> = {
  '+1': '👍', '-1': '👎', art: '🎨', athletic_shoe: '👟', bar_chart: '📊', bathtub: '🛁', black_heart: '🖤', book: '📖',
  books: '📚', boom: '💥', brain: '🧠', bug: '🐛', bulb: '💡', camera_flash: '📸', chart_with_upwards_trend: '📈',
  cherry_blossom: '🌸', city_sunrise: '🌇', clipboard: '📋', closed_book: '📕', cloud: '☁️', computer: '💻', construction: '🚧',
  crab: '🦀', crocodile: '🐊', cyclone: '🌀', dash: '💨', desktop_computer: '🖥️', dog: '🐶', dolphin: '🐬', dragon: '🐉',
  droplet: '💧', earth_africa: '🌍', earth_americas: '🌎', earth_asia: '🌏', eyes: '👀', fire: '🔥', fireworks: '🎆',
  flashlight: '🔦', flower_playing_cards: '🎴', four_leaf_clover: '🍀', gear: '⚙️', gem: '💎', globe_with_meridians: '🌐',
  green_book: '📗', hammer: '🔨', hammer_and_wrench: '🛠️', heart: '❤️', heart_eyes: '😍', heavy_check_mark: '✔️',
  heavy_plus_sign: '➕', hibiscus: '🌺', honeybee: '🐝', house_with_garden: '🏡', iphone: '📱', key: '🔑', leaves: '🍃',
  link: '🔗', lipstick: '💄', lock: '🔒', lock_with_ink_pen: '🔏', love_letter: '💌', mag: '🔍', man: '👨', mega: '📣',
  memo: '📝', microscope: '🔬', milky_way: '🌌', mortar_board: '🎓', muscle: '💪', necktie: '👔',
  notebook_with_decorative_cover: '📔', notes: '🎶', orange_book: '📙', package: '📦', page_facing_up: '📄',
  partly_sunny: '⛅', point_right: '👉', pushpin: '📌', rainbow: '🌈', ramen: '🍜', revolving_hearts: '💞', robot: '🤖',
  rocket: '🚀', round_pushpin: '📍', scissors: '✂️', see_no_evil: '🙈', shield: '🛡️', ship: '🚢', smile: '😄',
  snake: '🐍', snowflake: '❄️', sparkles: '✨', star: '⭐', star2: '🌟', sunflower: '🌻', sunrise: '🌅', sweat: '😓',
  tada: '🎉', thumbsup: '👍', traffic_light: '🚥', triangular_ruler: '📐', tulip: '🌷', turtle: '🐢', unicorn: '🦄',
  warning: '⚠️', watch: '⌚', whale: '🐳', white_check_mark: '✅', wrench: '🔧', zap: '⚡',
};

export function withEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]{1,40}):/g, (shortcode, name: string) => EMOJI[name] ?? shortcode);
}
