import { randomUUID } from 'node:crypto';
import type { ArticleBody } from '../../shared/article/article';
import { paragraph } from '../../shared/article/article';
import { bodyEditsBetween } from '../../shared/desk/bodyEdits';
import type { Mutation } from '../../shared/desk/protocol';

/** One reporter's article on the desk, as the bench's laptop last saw it. */
export interface Story {
  id: string;
  version: number;
  body: ArticleBody;
  edits: number;
}

/** One reporter's next save: one paragraph changed; sent as a splice, or as the whole body. */
export function nextSave(story: Story, whole: boolean): string {
  return JSON.stringify({ mutations: [nextMutation(story, whole)] });
}

/** The mutation of `nextSave`, based on the story's version now (a later send sets its own). */
export function nextMutation(story: Story, whole: boolean): Mutation {
  const at = (story.edits * 37) % story.body.length;
  story.edits += 1;
  const body = story.body.map((block, index) =>
    index === at
      ? paragraph(`Đoạn ${at} sửa lần ${story.edits}: Trung tướng Nguyễn Mạnh Hùng chủ trì hội nghị.`)
      : block,
  );
  const mutation: Mutation = whole
    ? {
        kind: 'article.save',
        mutationId: randomUUID(),
        articleId: story.id,
        baseVersion: story.version,
        fields: { body },
      }
    : {
        kind: 'article.save',
        mutationId: randomUUID(),
        articleId: story.id,
        baseVersion: story.version,
        fields: {},
        bodyEdits: bodyEditsBetween(story.body, body),
      };
  story.body = body;
  return mutation;
}
