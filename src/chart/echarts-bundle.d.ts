/** The types of ECharts' single-file ES module build, which are those of the package itself. */
declare module 'echarts/dist/echarts.esm.min.mjs' {
  export * from 'echarts';
}
