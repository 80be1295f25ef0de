/** The parts of Apache ECharts this page uses, registered once (tree-shaken: bar charts on a canvas). */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, TitleComponent, DataZoomComponent, CanvasRenderer]);

export { echarts };
