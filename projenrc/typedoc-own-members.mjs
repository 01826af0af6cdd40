// A TypeDoc plugin: API.md documents each class and interface with its own members only. The
// members a construct inherits from `Construct`, a component from `ComponentResource`, an error
// from `Error` or a props interface from `DaemonProps` are documented where they are declared;
// listing them again on every subtype buries the few members it adds.
import { ReflectionKind, RendererEvent } from 'typedoc';

function withoutRemoved(sections, removed) {
  if (!sections) return sections;
  for (const section of sections) {
    section.children = section.children.filter((child) => !removed.has(child));
    withoutRemoved(section.categories, removed);
  }
  return sections.filter((section) => section.children.length > 0);
}

export function load(app) {
  app.renderer.on(RendererEvent.BEGIN, (event) => {
    const project = event.project;
    const removed = new Set(
      Object.values(project.reflections).filter(
        (reflection) => reflection.inheritedFrom !== undefined && reflection.parent?.kindOf(ReflectionKind.ClassOrInterface),
      ),
    );
    for (const reflection of removed) project.removeReflection(reflection);
    // The member groups ("Properties", "Methods") were formed before rendering began.
    for (const reflection of [project, ...Object.values(project.reflections)]) {
      reflection.groups = withoutRemoved(reflection.groups, removed);
      reflection.categories = withoutRemoved(reflection.categories, removed);
    }
  });
}
