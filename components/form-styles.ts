/** The look of a labelled field in the dashboard's forms, in one place so they all match. */
export const fieldStyle = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const labelStyle = "block text-sm font-medium text-slate-800";
