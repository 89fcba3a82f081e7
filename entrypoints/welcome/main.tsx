import { render } from 'preact';
import '../../components/theme.css';
import '../../components/options/options.css';
// The highlighter's own stylesheet paints the example's marks.
import '../../utils/page/highlights.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
