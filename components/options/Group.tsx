import type { ComponentChildren } from 'preact';

/** One titled group of the options page, with a sentence saying what it is for. */
export function Group(props: { id: string; title: string; help?: string; children: ComponentChildren }) {
  return (
    <section class="bs-group" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.help && <p class="bs-muted bs-group-help">{props.help}</p>}
      {props.children}
    </section>
  );
}
