/** The drag type a library thumbnail carries: the photo's id. */
export const photoDragType = 'application/x-newsroom-photo';
